using GameServer.Ticking;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace GameServer.Diagnostics;

/// <summary>Exports the server's meters, Kestrel's and the runtime's (GC heap, threads), at <c>/metrics</c> in the Prometheus text format.</summary>
/// <remarks>
/// Each histogram keeps one list of buckets: the tick duration's is <see cref="TickMetrics.DurationBuckets"/>, given to
/// the exporter by an explicit view (the list the instrument advises is the same one); ASP.NET Core's and Kestrel's
/// histograms keep the buckets they advise. The exporter's <c>target_info</c> says <c>service_name="GameServer"</c>.
/// </remarks>
public static class PrometheusExport
{
    /// <summary>The service name on the exported resource.</summary>
    public const string ServiceName = "GameServer";

    public static IServiceCollection AddPrometheusExport(this IServiceCollection services)
    {
        double[] tickBuckets = [.. TickMetrics.DurationBuckets];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(GameServerMeter.Name, "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Hosting", "System.Runtime")
                .AddView(TickMetrics.DurationName, new ExplicitBucketHistogramConfiguration { Boundaries = tickBuckets })
                .AddPrometheusExporter());

        // After OpenTelemetry's hosted service, which creates the meter provider when it starts.
        services.AddHostedService<MetricSeriesWarmUp>();
        return services;
    }

    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
}
