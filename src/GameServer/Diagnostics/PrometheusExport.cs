using OpenTelemetry.Metrics;

namespace GameServer.Diagnostics;

/// <summary>Exports the server's meters, Kestrel's and the runtime's (GC heap, threads), at <c>/metrics</c> in the Prometheus text format.</summary>
public static class PrometheusExport
{
    // Durations of interest run from 100 µs (a quiet tick) to seconds.
    private static readonly double[] s_durationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    public static IServiceCollection AddPrometheusExport(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(GatewayMetrics.MeterName, "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Hosting", "System.Runtime")
            .AddView(instrument => instrument.Unit == "s" ? new ExplicitBucketHistogramConfiguration { Boundaries = s_durationBuckets } : null)
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
}
