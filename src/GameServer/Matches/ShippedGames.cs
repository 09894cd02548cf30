using GameServer.Simulation;
using GameServer.Simulation.Tag;
using GameServer.Ticking;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GameServer.Matches;

/// <summary>
/// The games this server ships, Arena and Tag, registered as any game is (README, "Writing your own game"), and the
/// default game a Join without one plays (<see cref="MatchmakingOptions.Game"/>).
/// </summary>
public static class ShippedGames
{
    public static IServiceCollection AddShippedGames(this IServiceCollection services)
    {
        services.TryAddSingleton(ArenaRulesFor);
        services.AddSingleton(new GameRegistration(ArenaSchema.GameName, ArenaFactory, static provider => ArenaJson.Write(provider.GetRequiredService<ArenaRules>())));
        services.TryAddSingleton(TagRulesFor);
        services.AddSingleton(new GameRegistration(TagSchema.GameName, TagFactory, static provider => TagJson.Write(provider.GetRequiredService<TagRules>())));
        services.TryAddSingleton(DefaultGame);
        services.AddSingleton<GameCatalog>();
        // Replays record and rebuild matches of each, with the rules the registered singletons hold.
        services.AddSingleton<IReplayableGame>(static provider => new ArenaGame(provider.GetRequiredService<ArenaRules>()));
        services.AddSingleton<IReplayableGame>(static provider => new TagGame(provider.GetRequiredService<TagRules>()));
        return services;
    }

    /// <summary>The rules every Arena match plays by, and that GET /arena.json describes: one instance, so they cannot differ.</summary>
    private static ArenaRules ArenaRulesFor(IServiceProvider services)
    {
        MatchSettings settings = MatchSettings.From(services);
        ArenaRules rules = ArenaRules.ForTickRate(settings.TickRate);
        rules.MinPlayersToStart = settings.Options.MinPlayersToStart;
        rules.TimeLimitTicks = settings.DurationTicks;
        rules.LagCompensationTicks = (int)Math.Round(settings.Options.LagCompensation.TotalSeconds * settings.TickRate, MidpointRounding.AwayFromZero);
        return rules;
    }

    private static MatchSimulationFactory ArenaFactory(IServiceProvider services)
    {
        ArenaRules rules = services.GetRequiredService<ArenaRules>();
        return (id, seed) => new Match(id, seed, rules);
    }

    /// <summary>The rules every Tag match plays by, and that GET /tag.json describes: the start and length the options give.</summary>
    private static TagRules TagRulesFor(IServiceProvider services)
    {
        MatchSettings settings = MatchSettings.From(services);
        TagRules rules = TagRules.ForTickRate(settings.TickRate);
        rules.MinPlayersToStart = settings.Options.MinPlayersToStart;
        rules.TimeLimitTicks = settings.DurationTicks;
        rules.Validate();
        return rules;
    }

    /// <summary>Tag, the second sample game: served on protocol v2 only.</summary>
    private static MatchSimulationFactory TagFactory(IServiceProvider services)
    {
        TagRules rules = services.GetRequiredService<TagRules>();
        return (id, seed) => new TagMatch(id, seed, rules);
    }

    /// <summary>The factory of Matchmaking:Game, which must be a registered game's name.</summary>
    private static MatchSimulationFactory DefaultGame(IServiceProvider services)
    {
        string name = services.GetRequiredService<IOptions<MatchmakingOptions>>().Value.Game;
        GameRegistration[] games = [.. services.GetServices<GameRegistration>()];
        GameRegistration game = games.FirstOrDefault(g => g.Name == name)
            ?? throw new OptionsValidationException(MatchmakingOptions.Section, typeof(MatchmakingOptions),
                [$"Matchmaking:Game is \"{name}\"; the games are {string.Join(", ", games.Select(g => g.Name))}."]);
        return game.Factory(services);
    }

    /// <summary>What every game's rules take from the server: its tick rate and the matchmaking options.</summary>
    private readonly record struct MatchSettings(int TickRate, MatchmakingOptions Options)
    {
        public int DurationTicks => (int)(Options.MatchDuration.TotalSeconds * TickRate);

        public static MatchSettings From(IServiceProvider services) =>
            new(services.GetRequiredService<TickLoop>().TickRate, services.GetRequiredService<IOptions<MatchmakingOptions>>().Value);
    }
}
