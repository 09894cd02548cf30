using System.Net;
using System.Net.WebSockets;
using GameServer.Admission;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation;
using GameServer.Tests.Infrastructure;
using GameServer.Ticking;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Admission;

/// <summary>
/// A tick shard that spends most of its period in its ticks turns newcomers away, though no tick overruns: the
/// signal that holds when a full core's overruns are too few and too scattered to count.
/// </summary>
public sealed class BusyShardAdmissionTests : IAsyncLifetime
{
    private TestServer _server = null!;

    // 10 ticks a second, each spending this much of its 100 ms in the match's step: 98 % busy, past the default 90.
    private int _stepMilliseconds = 98;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(
        new Dictionary<string, string?> { ["Tick:TickRate"] = "10", ["Tick:ShardCount"] = "1", ["Matchmaking:EmptyMatchTimeout"] = "00:00:00" },
        builder => builder.Services.AddSingleton<MatchSimulationFactory>(_ => (id, seed) => new SlowArena(id, seed, () => Volatile.Read(ref _stepMilliseconds))));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ShardBusyForMostOfItsPeriod_RefusesTheNextUpgradeWith503_WhileItsMatchPlaysOn()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "One");
        TickShard shard = _server.GetService<TickLoop>().GetShard(0);
        Assert.True(await ServerCondition.WaitAsync(_server, () => shard.RecentBusyPercent > 90, TestPlayer.Patience));

        using var refused = new ClientWebSocket();
        refused.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
        refused.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(_server.WebSocketUri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
        Assert.Contains("% of its last 30 periods in its ticks", _server.GetService<IPlayerAdmission>().RefusalReason, StringComparison.Ordinal);
        uint tick = player.World.Tick;
        await player.WaitForWorldAsync(w => w.Tick >= tick + 5);
    }

    [Fact]
    public async Task ShardThatTurnedPlayersAway_TakesThemAgainOnlyUnderTheReopeningShare()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "One");
        TickShard shard = _server.GetService<TickLoop>().GetShard(0);
        IPlayerAdmission admission = _server.GetService<IPlayerAdmission>();
        Assert.True(await ServerCondition.WaitAsync(_server, () => admission.IsRefusingPlayers, TestPlayer.Patience));

        // Under the limit of 90 but over the reopening 75: still full, where a share hovering at its limit let
        // players in at every dip.
        Volatile.Write(ref _stepMilliseconds, 80);
        Assert.True(await ServerCondition.WaitAsync(_server, () => shard.RecentBusyPercent is > 75 and < 90, TestPlayer.Patience));
        Assert.Contains("it takes players again under 75 %", admission.RefusalReason, StringComparison.Ordinal);

        Volatile.Write(ref _stepMilliseconds, 50);
        Assert.True(await ServerCondition.WaitAsync(_server, () => shard.RecentBusyPercent < 75, TestPlayer.Patience));
        Assert.Null(admission.RefusalReason);
        await using TestPlayer next = await TestPlayer.JoinAsync(_server, "Two", player.Welcome.MatchId);
    }

    [Fact]
    public async Task BusyShardWhoseMatchesAllEnded_TakesPlayersAgain()
    {
        TickShard shard = _server.GetService<TickLoop>().GetShard(0);
        IPlayerAdmission admission = _server.GetService<IPlayerAdmission>();
        TestPlayer player = await TestPlayer.JoinAsync(_server, "One");
        Assert.True(await ServerCondition.WaitAsync(_server, () => admission.IsRefusingPlayers, TestPlayer.Patience));

        await player.SendLeaveAsync();
        await player.WaitForCloseAsync();
        await player.DisposeAsync();
        Assert.True(await ServerCondition.WaitAsync(_server, () => shard.IsIdle, TestPlayer.Patience));

        // Its window still holds the busy ticks of the match that ended; an idle shard has nothing to protect.
        Assert.True(shard.RecentBusyPercent > 90);
        Assert.Null(admission.RefusalReason);
        await using TestPlayer next = await TestPlayer.JoinAsync(_server, "Two");
    }

    /// <summary>Arena whose step takes the given milliseconds of wall time, as a shard on a full core would.</summary>
    private sealed class SlowArena(uint id, ulong seed, Func<int> stepMilliseconds) : ArenaDecorator(new Match(id, seed, new ArenaRules { MinPlayersToStart = 1 }))
    {
        public override void Step(ReadOnlySpan<PlayerInput> inputs)
        {
            Thread.Sleep(stepMilliseconds());
            Arena.Step(inputs);
        }
    }
}
