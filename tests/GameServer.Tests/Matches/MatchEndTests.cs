using System.Net.WebSockets;
using GameServer.Connections;
using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Simulation;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Matches;

/// <summary>A match that runs out: its players are back before Join, and may play the next one on the same connection.</summary>
public sealed class MatchEndTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        ArenaRules rules = ShortMatches.Rules(runningTicks: 15, endedTicks: 5);
        _server = await TestServer.StartAsync(
            new Dictionary<string, string?> { ["Gateway:JoinTimeout"] = "00:00:03" },
            builder => builder.Services.AddSingleton<MatchSimulationFactory>((id, seed) => new Match(id, seed, rules)));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task InputsAfterTheLastDelta_AreIgnoredNotCountedAgainstThePlayer_AndJoinStartsTheNextMatch()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Ada");
        uint first = player.Welcome.MatchId;
        await player.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended && w.PhaseTicksLeft == 0);

        // Twice the inputs that would close a connection that never joined: they crossed the close on the wire.
        int late = 2 * new GatewayOptions().MaxInvalidMessages;
        for (int i = 0; i < late; i++)
        {
            await player.SendInputAsync(1, 0);
        }

        await player.SendPingAsync(7);
        List<ServerMessage> answers = await player.ReadThroughAsync(MessageType.Pong);

        Assert.DoesNotContain(answers, m => m.Type == MessageType.Error);
        await player.SendJoinAsync("Ada");
        await player.ExpectWelcomeAndSnapshotAsync();
        Assert.NotEqual(first, player.Welcome.MatchId);
        Assert.Equal(WebSocketState.Open, player.Socket.State);
    }

    [Fact]
    public async Task ConnectionBackInTheLobby_ThatNeverJoinsAgain_IsClosedByTheJoinTimeout()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Idler");
        await player.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended && w.PhaseTicksLeft == 0);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await player.WaitForCloseAsync());
    }

    [Fact]
    public async Task InputsBeforeTheFirstJoin_AreStillInvalid()
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server);

        await player.SendInputAsync(1, 0);

        ServerMessage error = await player.NextAsync(MessageType.Error);
        Assert.Equal(ErrorCode.InvalidState, error.Error.Code);
    }
}
