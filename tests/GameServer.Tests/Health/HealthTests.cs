using System.Net;
using System.Text.Json;
using GameServer.Admission;
using GameServer.Matches;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Ticking;
using GameServer.Ticking;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Health;

/// <summary>/health and /health/ready on real Kestrel, with the tick loop on a fake clock that the test (or a slow match) moves.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider _time = new();
    private readonly StallingArena.Controls _controls;
    private readonly FakeAdmission _admission = new();
    private TestServer _server = null!;
    private HttpClient _http = null!;

    public HealthTests()
    {
        _controls = new StallingArena.Controls(_time);
    }

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Tick:ShardCount"] = "1" }, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(_time);
            builder.Services.AddSingleton<IPlayerAdmission>(_admission);
            builder.Services.AddSingleton<MatchSimulationFactory>(_ => (id, seed) => new StallingArena(id, seed, _controls));
        });
        _http = _server.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _controls.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Health_Running_Is200HealthyAndReady()
    {
        (HttpStatusCode status, JsonElement body) = await GetAsync("/health");
        (HttpStatusCode ready, _) = await GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("ticking").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("admission").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready);
    }

    [Fact]
    public async Task Health_RefusingPlayers_Is200DegradedButNotReady()
    {
        _admission.Refuse("too many players");

        (HttpStatusCode status, JsonElement body) = await GetAsync("/health");
        (HttpStatusCode ready, JsonElement readyBody) = await GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Contains("too many players", body.GetProperty("checks").GetProperty("admission").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Degraded", readyBody.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_ShardStalledInAMatch_Is503UnhealthyUntilTheTickEnds()
    {
        _controls.Stall = true;
        await _server.GetService<IMatchmaker>().QuickJoinAsync();
        AdvanceOnePeriod();
        await _controls.Stalled.Task.WaitAsync(s_hangGuard);

        _time.Advance(TimeSpan.FromSeconds(2));
        (HttpStatusCode stalled, JsonElement body) = await GetAsync("/health");
        (HttpStatusCode ready, _) = await GetAsync("/health/ready");

        _controls.Stall = false;
        TickShard shard = _server.GetService<TickLoop>().GetShard(0);
        long ticks = shard.TicksRun;
        _controls.Release.Set();
        Assert.True(await ServerCondition.WaitAsync(_server, () => shard.TicksRun > ticks, s_hangGuard));
        (HttpStatusCode recovered, _) = await GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("has not finished a tick", body.GetProperty("checks").GetProperty("ticking").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal(HttpStatusCode.OK, recovered);
    }

    [Fact]
    public async Task Health_ShardOverrunningMostTicks_Is503Unhealthy()
    {
        TickShard shard = _server.GetService<TickLoop>().GetShard(0);
        _controls.SlowBy = _server.GetService<TickLoop>().Period * 2;
        await _server.GetService<IMatchmaker>().QuickJoinAsync();
        AdvanceOnePeriod();

        Assert.True(await ServerCondition.WaitAsync(_server, () => shard.RecentOverruns * 2 > shard.RecentTicks, s_hangGuard));
        (HttpStatusCode status, JsonElement body) = await GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("overran", body.GetProperty("checks").GetProperty("ticking").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // The shards run on the fake clock: the next tick is due once the clock has moved by a period (and a little, since
    // Period is rounded down to 100 ns). A slow match moves the clock itself, so its shard keeps ticking from then on.
    private void AdvanceOnePeriod() => _time.Advance(_server.GetService<TickLoop>().Period + TimeSpan.FromMilliseconds(1));

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using HttpResponseMessage response = await _http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
