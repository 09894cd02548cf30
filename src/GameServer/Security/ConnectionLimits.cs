using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GameServer.Security;

/// <summary>
/// Per-IP and global caps on the long-lived endpoints (the players' WebSocket, the SSE feeds), through
/// <see cref="ConnectionCaps"/>, which the lean game transport shares; forwarded addresses from trusted proxies only.
/// </summary>
public static class ConnectionLimits
{
    public static IServiceCollection AddConnectionLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConnectionLimitOptions>().Bind(configuration.GetSection(ConnectionLimitOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.TrustedProxies.All(p => IPAddress.TryParse(p, out _)), "Limits:TrustedProxies must hold IP addresses only.")
            .ValidateOnStart();

        services.AddSingleton<ConnectionCaps>();

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

        return app.Use(static (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<CappedConnectionMetadata>() is null)
            {
                return next(context);
            }

            return HoldLeaseAsync(context, next);
        });
    }

    /// <summary>Marks long-lived endpoints: each request holds a slot of the caps for as long as it runs, or gets 429.</summary>
    public static TBuilder RequireConnectionCap<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(CappedConnectionMetadata.Instance);

    private static async Task HoldLeaseAsync(HttpContext context, RequestDelegate next)
    {
        ConnectionCaps caps = context.RequestServices.GetRequiredService<ConnectionCaps>();
        using IDisposable? lease = caps.TryAcquire(context.Connection.RemoteIpAddress ?? IPAddress.None);
        if (lease is null)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
