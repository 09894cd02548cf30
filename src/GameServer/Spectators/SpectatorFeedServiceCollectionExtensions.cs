namespace GameServer.Spectators;

/// <summary>Registers the spectator feed with the host.</summary>
public static class SpectatorFeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds the in-memory event log as the <see cref="IMatchEventLog"/> and <see cref="IFeedLog"/>, its pump as a hosted service and
    /// <see cref="SpectatorFeedOptions"/> bound from the "Spectators" section, validated at start.
    /// </summary>
    public static IServiceCollection AddSpectatorFeed(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SpectatorFeedOptions>()
            .Bind(configuration.GetSection(SpectatorFeedOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<SpectatorMetrics>();
        services.AddSingleton<SpectatorRegistry>();
        services.AddSingleton<InMemoryMatchEventLog>();
        services.AddSingleton<IMatchEventLog>(static provider => provider.GetRequiredService<InMemoryMatchEventLog>());
        services.AddSingleton<IFeedLog>(static provider => provider.GetRequiredService<InMemoryMatchEventLog>());
        services.AddSingleton<SpectatorFeed>();
        services.AddHostedService<SpectatorFeedPump>();
        return services;
    }
}
