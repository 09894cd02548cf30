using GameServer.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GameServer.Spectators;

/// <summary>Registers the spectator feed with the host.</summary>
public static class SpectatorFeedServiceCollectionExtensions
{
    /// <summary>
    /// Adds the in-memory event log as the <see cref="IMatchEventLog"/> and <see cref="IFeedLog"/> (or, with Redis configured,
    /// the Redis stream as the <see cref="IFeedLog"/>), its pump as a hosted service and <see cref="SpectatorFeedOptions"/>
    /// bound from the "Spectators" section, validated at start.
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
        if (configuration.HasRedis())
        {
            services.AddRedisFeedLog(configuration);
        }
        else
        {
            // A factory: the log's constructor takes an IFeedLog to forward to, which here is the log itself.
            services.AddSingleton(static provider => new InMemoryMatchEventLog(
                provider.GetRequiredService<IOptions<SpectatorFeedOptions>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<SpectatorMetrics>(),
                provider.GetRequiredService<ILogger<InMemoryMatchEventLog>>(),
                provider.GetRequiredService<SpectatorRegistry>()));
            services.AddSingleton<IFeedLog>(static provider => provider.GetRequiredService<InMemoryMatchEventLog>());
        }

        // TryAdd: a host (or a test) that registered its own log, such as one wrapping this one, keeps it.
        services.TryAddSingleton<IMatchEventLog>(static provider => provider.GetRequiredService<InMemoryMatchEventLog>());
        services.AddSingleton<SpectatorFeed>();
        services.AddHostedService<SpectatorFeedPump>();
        return services;
    }
}
