using Microsoft.Extensions.Options;

namespace GameServer.Matches;

/// <summary>
/// The games this node runs, by name: every <see cref="GameRegistration"/>, the default one
/// (<see cref="MatchmakingOptions.Game"/>) created by the <see cref="MatchSimulationFactory"/> service.
/// </summary>
public sealed class GameCatalog
{
    private readonly Dictionary<string, MatchSimulationFactory> _games = new(StringComparer.Ordinal);

    public GameCatalog(IEnumerable<GameRegistration> games, MatchSimulationFactory defaultGame, IOptions<MatchmakingOptions> options, IServiceProvider services)
    {
        DefaultGame = options.Value.Game;
        foreach (GameRegistration game in games)
        {
            if (game.Name != DefaultGame)
            {
                _games[game.Name] = game.Factory(services);
            }
        }

        _games[DefaultGame] = defaultGame;
        Names = [.. _games.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The game of a Join that names none.</summary>
    public string DefaultGame { get; }

    /// <summary>Every game's name, in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The game's name and factory; null for the default game. False when no game has that name.</summary>
    public bool TryFind(string? name, out string game, out MatchSimulationFactory create)
    {
        game = name ?? DefaultGame;
        return _games.TryGetValue(game, out create!);
    }
}
