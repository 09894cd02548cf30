using GameServer.Health;
using GameServer.Spectators;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>Puts the spectator feed's log on a Redis stream, when <c>Redis:Configuration</c> is set.</summary>
public static class RedisFeedServiceCollectionExtensions
{
    /// <summary>Whether the configuration names a Redis to share the cluster's state through.</summary>
    public static bool HasRedis(this IConfiguration configuration) =>
        configuration.GetSection(RedisOptions.Section).Get<RedisOptions>()?.IsConfigured == true;

    /// <summary>
    /// Adds <see cref="RedisFeedLog"/> as the <see cref="IFeedLog"/>, started (connected) before the feed's pump, and
    /// the in-process log as the pump that encodes and coalesces the events and hands them to it.
    /// </summary>
    public static IServiceCollection AddRedisFeedLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>()
            .Bind(configuration.GetSection(RedisOptions.Section))
            .ValidateDataAnnotations()
            .Validate(static options => IsConnectionString(options.Configuration),
                "Redis:Configuration is not a StackExchange.Redis connection string: give host:port, then options after commas (such as localhost:6379,password=...).")
            .ValidateOnStart();
        services.AddSingleton(static provider =>
        {
            var log = new RedisFeedLog(
                provider.GetRequiredService<IOptions<RedisOptions>>().Value,
                provider.GetRequiredService<IOptions<SpectatorFeedOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<SpectatorMetrics>(),
                provider.GetRequiredService<ILogger<RedisFeedLog>>(),
                provider.GetRequiredService<SpectatorRegistry>());

            // As the in-process feed does: streams end when stopping begins, not when this service stops, after Kestrel.
            provider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(log.Complete);
            return log;
        });
        services.AddHostedService(static provider => provider.GetRequiredService<RedisFeedLog>());
        services.AddSingleton<IFeedLog>(static provider => provider.GetRequiredService<RedisFeedLog>());
        services.AddHealthChecks().AddCheck<RedisFeedHealthCheck>("redis", tags: [HealthEndpoints.LivenessOnlyTag]);
        services.AddSingleton(static provider => new InMemoryMatchEventLog(
            provider.GetRequiredService<IOptions<SpectatorFeedOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<SpectatorMetrics>(),
            provider.GetRequiredService<ILogger<InMemoryMatchEventLog>>(),
            spectators: null,
            destination: provider.GetRequiredService<RedisFeedLog>()));
        return services;
    }

    private static bool IsConnectionString(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
