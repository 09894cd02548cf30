using System.Net.WebSockets;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Connections;

/// <summary>Each kind of bad input closes only the offender, with its code, while a bystander in the same match keeps every tick.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:MessagesPerSecond"] = "30",
        ["Gateway:MessageBurst"] = "10",
        ["Gateway:FloodLimit"] = "30",
        ["Gateway:MaxInvalidMessages"] = "3",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, WebSocketCloseStatus> Attacks() => new()
    {
        { "oversized", WebSocketCloseStatus.MessageTooBig },
        { "text", WebSocketCloseStatus.InvalidMessageType },
        { "not msgpack", WebSocketCloseStatus.InvalidPayloadData },
        { "truncated", WebSocketCloseStatus.InvalidPayloadData },
        { "nested deep", WebSocketCloseStatus.InvalidPayloadData },
        { "huge length", WebSocketCloseStatus.InvalidPayloadData },
        { "input out of range", WebSocketCloseStatus.InvalidPayloadData },
        { "input not an integer", WebSocketCloseStatus.InvalidPayloadData },
        { "flood", WebSocketCloseStatus.PolicyViolation },
        { "input before join", WebSocketCloseStatus.PolicyViolation },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Attack_ClosesTheOffenderWithItsCode_WhileTheBystanderKeepsEveryTick(string attack, WebSocketCloseStatus expected)
    {
        await using TestPlayer bystander = await TestPlayer.JoinAsync(_server, "Bystander");
        await using TestPlayer attacker = await TestPlayer.ConnectAsync(_server);
        if (attack != "input before join")
        {
            await attacker.SendJoinAsync("Mallory", bystander.Welcome.MatchId);
            await attacker.ExpectWelcomeAndSnapshotAsync();
        }

        await Attack(attacker, attack);

        Assert.Equal(expected, await attacker.WaitForCloseAsync());

        // The bystander's client applies each delta only onto the tick before it: a missed tick would fail its decode.
        uint tick = bystander.World.Tick;
        await bystander.WaitForWorldAsync(w => w.Tick >= tick + 15);
        Assert.Equal(WebSocketState.Open, bystander.Socket.State);
    }

    [Fact]
    public async Task BacklogInOneGo_AsAServerThatReadLateSeesIt_IsDroppedBeyondTheBucketButTheClientStays()
    {
        await using TestPlayer player = await TestPlayer.JoinAsync(_server, "Patient");

        // Ten seconds of inputs at this server's rate, arriving at once: what a server that stalled reads in one go.
        for (int i = 0; i < 300; i++)
        {
            await player.SendInputAsync(1, 0);
        }

        // Then pings at an honest pace until one is answered: the connection is still there.
        Task<ServerMessage> pong = player.NextAsync(MessageType.Pong);
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (uint clientTime = 1; !pong.IsCompleted && await pace.WaitForNextTickAsync(); clientTime++)
        {
            await player.SendPingAsync(clientTime);
        }

        await pong;
        Assert.Equal(WebSocketState.Open, player.Socket.State);
    }

    private static async Task Attack(TestPlayer attacker, string attack)
    {
        switch (attack)
        {
            case "oversized":
                await attacker.SendRawAsync(new byte[ProtocolConstants.MaxClientMessageBytes + 1]);
                break;
            case "text":
                await attacker.SendRawAsync("[3, 1]"u8.ToArray(), WebSocketMessageType.Text);
                break;
            case "not msgpack":
                await attacker.SendRawAsync([0xc1, 0xc1, 0xc1]);
                break;
            case "truncated":
                await attacker.SendRawAsync([0x97, 0x02, 0x2a, 0xcd, 0x03]);
                break;
            case "nested deep":
                await attacker.SendRawAsync([.. Enumerable.Repeat((byte)0x91, 1000), 0x01]);
                break;
            case "huge length":
                await attacker.SendRawAsync([0x94, 0x01, 0xdb, 0xff, 0xff, 0xff, 0xff, 0x41]);
                break;
            case "input out of range":
                // [2, 1, 0, 200, 0, 0, 0]: moveX is an int8 in version 1.
                await attacker.SendRawAsync([0x97, 0x02, 0x01, 0x00, 0xcc, 0xc8, 0x00, 0x00, 0x00]);
                break;
            case "input not an integer":
                // [2, 1, 0, 0, 0, 1.5f, 0]: aim as a float.
                await attacker.SendRawAsync([0x97, 0x02, 0x01, 0x00, 0x00, 0x00, 0xca, 0x3f, 0xc0, 0x00, 0x00, 0x00]);
                break;
            case "flood":
                try
                {
                    // A flood has to go on for two seconds before the server takes it for one.
                    var flooding = System.Diagnostics.Stopwatch.StartNew();
                    while (attacker.Socket.State == WebSocketState.Open && flooding.Elapsed < TestPlayer.Patience)
                    {
                        await attacker.SendInputAsync(1, 0);
                    }
                }
                catch (WebSocketException)
                {
                    // The server closed mid-flood, as it should.
                }

                break;
            case "input before join":
                await attacker.SendInputAsync(1, 0);
                Assert.Equal(ErrorCode.InvalidState, (await attacker.NextAsync(MessageType.Error)).Error.Code);
                await attacker.SendInputAsync(1, 0);
                await attacker.SendInputAsync(1, 0);
                break;
        }
    }
}
