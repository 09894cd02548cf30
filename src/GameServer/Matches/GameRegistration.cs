namespace GameServer.Matches;

/// <summary>
/// A game this server runs, registered as a service: its name (its schema's game name, which Join asks for), how a
/// match of it is created and, if it publishes one, its rules document, served as <c>GET /{name}.json</c> for
/// clients that step the game's rules themselves (prediction). README, "Writing your own game".
/// </summary>
/// <param name="Rules">The rules document as UTF-8 JSON, fixed for the server's lifetime; null for none.</param>
public sealed record GameRegistration(string Name, Func<IServiceProvider, MatchSimulationFactory> Factory, Func<IServiceProvider, byte[]>? Rules = null);
