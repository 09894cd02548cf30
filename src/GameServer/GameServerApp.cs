using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using GameServer.Admin;
using GameServer.Admission;
using GameServer.Connections;
using GameServer.Diagnostics;
using GameServer.Health;
using GameServer.Hosting;
using GameServer.Http;
using GameServer.Matches;
using GameServer.Redis;
using GameServer.Replays;
using GameServer.Seats;
using GameServer.Security;
using GameServer.Spectators;
using GameServer.Ticking;
using GameServer.Transport;
using GameServer.Transport.Epoll;
using Microsoft.AspNetCore.Connections;

namespace GameServer;

/// <summary>Builds the server: its services, its options, and its endpoints. Program.cs and the tests share it.</summary>
public static class GameServerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        AddGameServer(builder.Services, builder.Configuration);

        WebApplication app = builder.Build();
        app.UseConnectionLimits();
        app.UseWebSockets();
        app.MapWebClient();
        app.MapPlayerWebSocket();
        app.MapGameServerHealth();
        app.MapMatchEndpoints();
        app.MapMatchmaking();
        app.MapGameRules();
        app.MapPrometheusMetrics();
        app.MapSpectatorFeed();
        app.MapReplays();
        app.MapAdminApi();

        var registry = app.Services.GetRequiredService<ConnectionRegistry>();
        app.Lifetime.ApplicationStopping.Register(() => _ = registry.CloseAllAsync(CancellationToken.None));
        return app;
    }

    private static void AddGameServer(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MatchmakingOptions>().Bind(configuration.GetSection(MatchmakingOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.MinPlayersToStart <= o.Capacity, "Matchmaking:MinPlayersToStart must not exceed Matchmaking:Capacity.")
            .ValidateOnStart();
        services.AddOptions<TicketOptions>().Bind(configuration.GetSection(TicketOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TicketValidator>();
        services.AddConnectionLimits(configuration);
        services.AddTickLoop(configuration);
        services.AddHostedService<JitWarmUp>();
        services.Configure<ConsoleLoggerOptions>(options => KeepConsoleOffTheTick(options, configuration));
        services.AddOptions<HostOptions>().Configure<IOptions<GatewayOptions>>((host, gateway) => host.ShutdownTimeout = gateway.Value.ShutdownTimeout);

        services.AddSingleton<GatewayMetrics>();
        services.AddPrometheusExport();
        services.AddSingleton<ResumeDirectory>();
        services.AddSpectatorFeed(configuration);
        services.AddGameServerHealth();
        services.AddSingleton<MatchServices>();
        if (configuration.HasRedis())
        {
            services.AddRedisMatchDirectory();
        }

        services.AddSingleton<LocalMatches>();
        services.AddSingleton<MatchGauges>();
        services.AddReplays(configuration);

        // Registered after the feed, the directory and the replay writer, so that it stops before them.
        services.AddHostedService<MatchDrain>();
        services.TryAddSingleton<IMatchIds, LocalMatchIds>();
        services.TryAddSingleton<IMatchmaker, InProcessMatchmaker>();
        services.TryAddSingleton<IMatchDirectory, InProcessMatchDirectory>();
        services.TryAddSingleton<IAdvertisedNode, SingleNode>();
        services.TryAddSingleton<IRemoteSeats, NoRemoteSeats>();
        services.AddSingleton<SeatMetrics>();
        services.AddSingleton<LocalSeats>();
        services.AddSingleton<SeatClaims>();
        services.AddShippedGames();
        services.AddSingleton<GatewayServices>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddOptions<AdmissionOptions>().Bind(configuration.GetSection(AdmissionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NodeDrain>();
        services.TryAddSingleton<IPlayerAdmission, AdmissionControl>();
        services.AddAdminConsole(configuration);
        services.AddSingleton<UpgradePolicy>();
        services.AddSingleton<UpgradeHandshake>();
        services.AddSingleton<ClientAddresses>();
        services.AddSingleton<SpectatorSocketFeed>();
        services.AddSingleton<KeepAliveSweep>();
        services.AddSingleton<EpollLoops>();
        services.AddSingleton<IConnectionListenerFactory, GameListenerFactory>();

        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
    }

    // The console logger queues its lines for a thread of its own, but by default a full queue (2500 lines) makes the
    // logging thread wait: a stdout nobody reads would then stop the tick threads that log joins, leaves and closes.
    // Dropping lines instead keeps the ticks going; Logging:Console:QueueFullMode set in configuration still wins.
    private static void KeepConsoleOffTheTick(ConsoleLoggerOptions options, IConfiguration configuration)
    {
        if (configuration["Logging:Console:QueueFullMode"] is null)
        {
            options.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite;
        }
    }
}
