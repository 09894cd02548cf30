using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Client.Tests;

/// <summary>Matches of half a second: the client hears each one close and joins the next on the same connection.</summary>
public sealed class MatchClosedTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        ArenaRules rules = ShortMatches.Rules(runningTicks: 15, endedTicks: 5);
        _server = await TestServer.StartAsync(configure: builder =>
            builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new Match(id, seed, rules)));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MatchClosed_RaisedWhenTheMatchRunsOut_ThenJoinAsyncJoinsTheNextMatch()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        var closed = new TaskCompletionSource<(ErrorMessage? Error, MatchPhase Phase)>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.MatchClosed += error => closed.TrySetResult((error, client.World.Phase));

        await client.JoinAsync("Ada");
        uint first = client.Welcome.MatchId;
        (ErrorMessage? error, MatchPhase phase) = await closed.Task.WaitAsync(WorldWaiter.Patience);

        Assert.Null(error);
        Assert.Equal(MatchPhase.Ended, phase);
        await client.JoinAsync("Ada");
        Assert.NotEqual(first, client.Welcome.MatchId);
        Assert.True(client.IsConnected);
    }
}
