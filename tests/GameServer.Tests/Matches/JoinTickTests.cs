using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Matches;

/// <summary>
/// Joins happen between ticks: a player who joins after tick T has its join Event at T and is first in the world at
/// T+1, whose Delta (or the joiner's Snapshot) is the first to show it and is followed by that Event (protocol.md).
/// </summary>
public sealed class JoinTickTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task JoinEvent_CarriesTheTickBeforeThePlayersFirstTick_AndFollowsThatTicksDelta()
    {
        await using TestPlayer ada = await TestPlayer.JoinAsync(_server, "Ada");
        await using TestPlayer bob = await TestPlayer.ConnectAsync(_server);
        await bob.SendJoinAsync("Bob", ada.Welcome.MatchId);
        uint bobId = (await bob.NextAsync(MessageType.Welcome)).Welcome.PlayerId;
        uint bobsFirstTick = (await bob.NextAsync(MessageType.Snapshot)).Tick;

        ServerMessage? deltaBefore = null;
        while (true)
        {
            List<ServerMessage> messages = await ada.ReadThroughAsync(MessageType.Event);
            deltaBefore = messages.LastOrDefault(m => m.Type == MessageType.Delta) is { Type: MessageType.Delta } delta ? delta : deltaBefore;
            GameEvent gameEvent = messages[^1].Event;
            if (gameEvent is { Kind: GameEventKind.PlayerJoined } && gameEvent.Subject == bobId)
            {
                Assert.Equal(bobsFirstTick - 1, gameEvent.Tick);
                Assert.Equal(bobsFirstTick, deltaBefore?.Tick);
                return;
            }
        }
    }
}
