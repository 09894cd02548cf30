using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GameServer.Ticking;

/// <summary>Registers the tick loop with the host.</summary>
public static class TickingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TickLoop"/> as a singleton and as a hosted service (the same instance), with
    /// <see cref="TickOptions"/> bound from the "Tick" section of <paramref name="configuration"/> and validated at start.
    /// </summary>
    public static IServiceCollection AddTickLoop(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TickOptions>()
            .Bind(configuration.GetSection(TickOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<TickLoop>();
        services.AddHostedService(static provider => provider.GetRequiredService<TickLoop>());
        return services;
    }
}
