namespace GameServer.Matches;

/// <summary>
/// A game this server runs, registered as a service: its name (its schema's game name, which Join asks for) and how
/// a match of it is created. README, "Writing your own game".
/// </summary>
public sealed record GameRegistration(string Name, Func<IServiceProvider, MatchSimulationFactory> Factory);
