using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GameServer.Security;

/// <summary>
/// Per-IP and global caps on the long-lived endpoints (the players' WebSocket, the SSE feeds), with ASP.NET Core's
/// concurrency limiters: a request holds its permit for as long as it runs, so a slot frees when a connection closes.
/// </summary>
public static class ConnectionLimits
{
    /// <summary>The policy that long-lived endpoints require.</summary>
    public const string Policy = "connections";

    public static IServiceCollection AddConnectionLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectionLimitOptions>().Bind(configuration.GetSection(ConnectionLimitOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.TrustedProxies.All(p => IPAddress.TryParse(p, out _)), "Limits:TrustedProxies must hold IP addresses only.")
            .ValidateOnStart();

        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ConnectionLimitOptions>>((options, limits) =>
        {
            ConnectionLimitOptions caps = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetConcurrencyLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new ConcurrencyLimiterOptions { PermitLimit = caps.MaxConnectionsPerIp, QueueLimit = 0 }));

            // One partition for every long-lived connection, none for the rest (health checks, scrapes, pages).
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy
                    ? RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions { PermitLimit = caps.MaxConnections, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other"));
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ConnectionLimitOptions>>((options, limits) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (string proxy in limits.Value.TrustedProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        // A connection that opens TCP and says nothing is dropped by Kestrel's own timers, made shorter than its defaults.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ConnectionLimitOptions>>((kestrel, limits) =>
        {
            kestrel.Limits.KeepAliveTimeout = limits.Value.IdleTimeout;
            kestrel.Limits.RequestHeadersTimeout = limits.Value.IdleTimeout;
        });

        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Believes forwarded client addresses from trusted proxies only, then applies the caps.</summary>
    public static IApplicationBuilder UseConnectionLimits(this IApplicationBuilder app)
    {
        // With no known proxy at all, the middleware would believe any peer's X-Forwarded-For: leave it out then.
        if (app.ApplicationServices.GetRequiredService<IOptions<ConnectionLimitOptions>>().Value.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app.UseRateLimiter();
    }
}
