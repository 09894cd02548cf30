namespace GameServer.Admin;

/// <summary>Registers the operator's console: its options always (validated at start), the rest only while a token turns it on.</summary>
public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdminConsole(this IServiceCollection services, IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(AdminOptions.Section);
        services.AddOptions<AdminOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminMetrics>();
        var options = new AdminOptions();
        section.Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton<AdminTokens>();
        services.AddSingleton<AdminFailureLimiter>();
        services.AddSingleton<AdminLog>();
        services.AddSingleton<MeterReadings>();
        services.AddSingleton<MatchStats>();
        services.AddSingleton<NodeSampler>();
        services.AddSingleton<SampleRing>();
        services.AddSingleton<DrainControl>();
        services.AddHostedService<AdminSampler>();
        return services;
    }
}
