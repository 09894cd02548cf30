using GameServer.Matches;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using GameServer.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace GameServer.Tests.Connections;

/// <summary>A fault of the server's own while it serves one connection ends that connection with 1011, and only it.</summary>
public abstract class ServerErrorTests(GameTransport transport) : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(
        new Dictionary<string, string?> { ["Gateway:Transport"] = transport.ToString() },
        builder => builder.Services.AddSingleton<IMatchmaker>(services =>
            new BrokenMatchmaker(ActivatorUtilities.CreateInstance<InProcessMatchmaker>(services))));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task FaultWhileHandlingAMessage_ClosesThatConnectionWith1011_AndOthersPlayOn()
    {
        await using TestPlayer player = await TestPlayer.ConnectAsync(_server);
        await player.SendJoinAsync("Boom", BrokenMatchmaker.Trigger);

        Assert.Equal((System.Net.WebSockets.WebSocketCloseStatus)1011, await player.WaitForCloseAsync());
        await using TestPlayer other = await TestPlayer.JoinAsync(_server, "Fine");
        await other.NextAsync(MessageType.Delta);
    }

    public sealed class Lean() : ServerErrorTests(GameTransport.Lean);

    public sealed class Kestrel() : ServerErrorTests(GameTransport.Kestrel);

    /// <summary>The real matchmaker, except that joining one match id throws, as a bug of ours would.</summary>
    private sealed class BrokenMatchmaker(InProcessMatchmaker inner) : IMatchmaker
    {
        public const uint Trigger = 4242;

        public ValueTask<MatchPlacement> QuickJoinAsync(string? game = null, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default) => inner.QuickJoinAsync(game, scope, cancellationToken);

        public ValueTask<MatchPlacement> JoinAsync(uint matchId, PlacementScope scope = PlacementScope.ThisNode, CancellationToken cancellationToken = default) =>
            matchId == Trigger ? throw new InvalidOperationException("A bug in the matchmaker.") : inner.JoinAsync(matchId, scope, cancellationToken);
    }
}
