using GameServer.Admission;
using GameServer.Matches;
using GameServer.Seats;
using GameServer.Spectators;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace GameServer.Redis;

/// <summary>Puts the match directory and the match ids on Redis, when <c>Redis:Configuration</c> is set.</summary>
public static class RedisMatchDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RedisMatchDirectory"/> as the <see cref="IMatchDirectory"/> and the <see cref="IMatchIds"/>, renewing its
    /// leases while the server runs, and the cluster's matchmaker and seat reservations.
    /// </summary>
    public static IServiceCollection AddRedisMatchDirectory(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>()
            .Validate(static options => options.LeaseTime > options.RenewInterval,
                "Redis:LeaseTime must be longer than Redis:RenewInterval (several renewals long), or live matches would drop out of the directory between renewals.")
            .Validate(static options => options.NodeAddress.Length == 0 || Uri.IsWellFormedUriString(options.NodeAddress, UriKind.Absolute),
                "Redis:NodeAddress must be an absolute URL, such as https://node1.example.com, or empty for the server's first listening URL.");
        services.AddSingleton(static provider => new RedisDirectoryConnection(provider.GetRequiredService<IOptions<RedisOptions>>().Value));
        services.AddHostedService(static provider => provider.GetRequiredService<RedisDirectoryConnection>());
        services.AddSingleton(static provider => new RedisMatchIds(
            provider.GetRequiredService<RedisDirectoryConnection>(),
            provider.GetRequiredService<IOptions<RedisOptions>>().Value,
            provider.GetRequiredService<ILogger<RedisMatchIds>>()));
        services.AddSingleton(static provider => new RedisMatchDirectory(
            provider.GetRequiredService<RedisDirectoryConnection>(),
            provider.GetRequiredService<IOptions<RedisOptions>>().Value,
            provider.GetRequiredService<LocalMatches>(),
            provider.GetRequiredService<IMatchEventLog>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<RedisMatchDirectory>>(),
            provider.GetRequiredService<IServer>(),
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<NodeDrain>()));
        services.AddHostedService(static provider => provider.GetRequiredService<RedisMatchDirectory>());
        services.AddSingleton<IMatchDirectory>(static provider => provider.GetRequiredService<RedisMatchDirectory>());
        services.AddSingleton<IMatchIds>(static provider => provider.GetRequiredService<RedisMatchIds>());
        services.AddSingleton<IAdvertisedNode>(static provider => provider.GetRequiredService<RedisMatchDirectory>());
        services.AddSingleton(static provider => new RedisSeatLedger(
            provider.GetRequiredService<RedisDirectoryConnection>(),
            provider.GetRequiredService<IOptions<RedisOptions>>().Value,
            provider.GetRequiredService<IOptions<MatchmakingOptions>>()));
        services.AddSingleton<IRemoteSeats>(static provider => provider.GetRequiredService<RedisSeatLedger>());
        services.AddSingleton<IMatchmaker, RedisMatchmaker>();
        return services;
    }
}
