namespace GameServer.Replays;

/// <summary>Registers the flight recorder with the host.</summary>
public static class ReplayServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReplayOptions"/> (section "Replays", validated at start), the recorders, the catalog and the
    /// writer. Call it before the service that ends matches on stop, so the writer stops after it and writes their ends.
    /// </summary>
    public static IServiceCollection AddReplays(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReplayOptions>().Bind(configuration.GetSection(ReplayOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReplayMetrics>();
        services.AddSingleton<ReplayRecorders>();
        services.AddSingleton<ReplayCatalog>();
        services.AddSingleton<ReplayFrameGate>();
        services.AddHostedService<ReplayWriter>();
        return services;
    }
}
