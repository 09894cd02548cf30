using System.Net.WebSockets;
using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Simulation;

namespace GameServer.Client.Tests;

public sealed class GameClientTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task JoinAsync_QuickJoin_WorldHoldsOwnPlayerAndFollowsDeltas()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());

        await client.JoinAsync("Ada");

        Assert.NotEqual(0u, client.Welcome.PlayerId);
        Assert.Equal(ProtocolConstants.Version2, client.Welcome.Version);
        Assert.Equal(ArenaSchema.For(_server.GetService<ArenaRules>()).ToBytes(), client.Schema!.ToBytes());
        Assert.True(client.TryGetOwnPlayer(out EntityState own));
        Assert.Equal("Ada", own.Name);
        uint joinedAt = client.World.Tick;
        await client.WaitForWorldAsync(w => w.Tick >= joinedAt + 5);
    }

    [Fact]
    public async Task JoinAsync_OnProtocol1_WorldHoldsOwnPlayerAndFollowsDeltas()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options(ProtocolConstants.Version));

        await client.JoinAsync("Ada");

        Assert.Equal(ProtocolConstants.Version, client.Welcome.Version);
        Assert.Null(client.Schema);
        Assert.True(client.TryGetOwnPlayer(out EntityState own));
        Assert.Equal("Ada", own.Name);
        uint sequence = (await client.SendInputAsync(127, 0, 0)).Sequence;
        await client.WaitForWorldAsync(_ => client.AcknowledgedInput == sequence);
    }

    [Fact]
    public async Task SendInputValuesAsync_OnProtocol2WithoutTheArenaMapping_MovesThePlayer_AndIsAcknowledged()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri);
        await client.JoinAsync("Ada");
        Protocol.Schema.SchemaWorld world = client.SchemaWorld!;
        int x = client.Schema!.FieldIndex("x");
        int startX = world.ValuesAt(world.IndexOf(client.Welcome.PlayerId))[x];

        uint sequence = await client.SendInputValuesAsync(new[] { 127, 0, 0, 0 });

        await client.WaitForWorldAsync(_ => client.AcknowledgedInput == sequence
            && client.SchemaWorld!.ValuesAt(client.SchemaWorld.IndexOf(client.Welcome.PlayerId))[x] > startX);
        Assert.Equal(0, client.World.Entities.Length);
    }

    [Fact]
    public async Task JoinAsync_TwoClientsInOneMatch_SeeTheSameWorld()
    {
        await using GameClient ada = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await using GameClient bob = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await ada.JoinAsync("Ada");
        await bob.JoinAsync("Bob", ada.Welcome.MatchId);

        // Both apply the same deltas: at one tick their worlds hash alike.
        var hashes = new Dictionary<uint, ulong>();
        var same = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Record(GameClient client)
        {
            lock (hashes)
            {
                ulong hash = client.World.ComputeHash();
                if (hashes.TryGetValue(client.World.Tick, out ulong other))
                {
                    same.TrySetResult(other == hash);
                }

                hashes[client.World.Tick] = hash;
            }
        }

        ada.DeltaReceived += _ => Record(ada);
        bob.DeltaReceived += _ => Record(bob);
        Assert.True(await same.Task.WaitAsync(WorldWaiter.Patience));
    }

    [Fact]
    public async Task JoinAsync_InvalidName_ThrowsWithTheServersError()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());

        var error = await Assert.ThrowsAsync<GameClientException>(() => client.JoinAsync("   "));

        Assert.Equal(ErrorCode.InvalidName, error.Error?.Code);
    }

    [Fact]
    public async Task SendInputAsync_MoveRight_OwnPlayerMovesRightAndInputIsAcknowledged()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await client.JoinAsync("Ada");
        await client.WaitForWorldAsync(w => w.Phase == MatchPhase.Running);
        client.TryGetOwnPlayer(out EntityState start);

        InputMessage sent = default;
        using var stop = new CancellationTokenSource(WorldWaiter.Patience);
        Task moved = client.WaitForWorldAsync(_ => client.TryGetOwnPlayer(out EntityState p) && p.X > start.X + 100 && p.LastInputSequence > 0);
        while (!moved.IsCompleted)
        {
            sent = await client.SendInputAsync(127, 0, 0, Buttons.None, stop.Token);
            await Task.WhenAny(moved, Task.Delay(33, stop.Token));
        }

        await moved;
        Assert.True(sent.Sequence >= 1);
        Assert.Equal(client.LastInputSequence, sent.Sequence);
    }

    [Fact]
    public async Task PredictionAndInterpolation_OnProtocol2_FollowTheAcksAndTheWorlds()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await client.JoinAsync("Ada");
        var prediction = new PredictionBuffer();
        var interpolation = new InterpolationBuffer(TimeSpan.FromMilliseconds(100));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        client.DeltaReceived += _ => interpolation.Add(clock.Elapsed, client.World);

        for (int i = 0; i < 3; i++)
        {
            prediction.Add(await client.SendInputAsync(127, 0, 0));
        }

        // The ack rides in each v2 frame and lands on the own entity, where Reconcile reads it.
        await client.WaitForWorldAsync(_ => client.AcknowledgedInput == client.LastInputSequence);
        int replayed = 0;
        client.TryGetOwnPlayer(out EntityState own);
        prediction.Reconcile(own, (ref EntityState _, in InputMessage _) => replayed++);
        Assert.Equal((0, 0), (prediction.Count, replayed));
        Assert.Equal(client.LastInputSequence, own.LastInputSequence);
        await client.WaitForWorldAsync(_ => interpolation.Count >= 4);
        Assert.True(interpolation.TrySample(client.Welcome.PlayerId, clock.Elapsed, out _));
        Assert.NotEqual(0u, interpolation.DisplayedTick(clock.Elapsed));
    }

    [Fact]
    public async Task SendInputAsync_ViewTick_TheWorldsTickByDefault_OrTheOneGiven_AndAcknowledged()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await client.JoinAsync("Ada");

        InputMessage plain = await client.SendInputAsync(0, 0, 0);
        InputMessage viewed = await client.SendInputAsync(0, 0, 0, Buttons.Fire, viewTick: 1);
        await client.WaitForWorldAsync(_ => client.TryGetOwnPlayer(out EntityState p) && p.LastInputSequence == viewed.Sequence);

        // The world's tick when the call began: the acknowledged tick, read a moment later, may be a tick ahead.
        Assert.InRange(plain.ViewTick, 1u, plain.AckTick);
        Assert.Equal(1u, viewed.ViewTick);
    }

    [Fact]
    public async Task MeasureRoundTripAsync_Pong_GivesRoundTrip()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await client.JoinAsync("Ada");
        var pongs = 0;
        client.PongReceived += (_, _) => Interlocked.Increment(ref pongs);

        TimeSpan rtt = await client.MeasureRoundTripAsync();

        Assert.InRange(rtt, TimeSpan.FromTicks(1), WorldWaiter.Patience);
        Assert.Equal(rtt, client.RoundTrip);
        Assert.NotNull(client.SmoothedRoundTrip);
        Assert.Equal(1, Volatile.Read(ref pongs));
    }

    [Fact]
    public async Task ResumeAsync_NodeDraining_IsLetInWhileANewPlayerIsRefused()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await client.JoinAsync("Ada");
        WelcomeMessage first = client.Welcome;
        _server.GetService<GameServer.Admission.NodeDrain>().Set(true);

        client.Abort();
        await client.ResumeAsync();

        Assert.Equal(first.PlayerId, client.Welcome.PlayerId);
        await Assert.ThrowsAsync<WebSocketException>(() => GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options()));
    }

    [Fact]
    public async Task ResumeAsync_AfterAbort_KeepsPlayerAndScore()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await client.JoinAsync("Ada");
        WelcomeMessage first = client.Welcome;
        var closed = new TaskCompletionSource<WebSocketCloseStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Closed += (status, _) => closed.TrySetResult(status);

        client.Abort();
        Assert.Null(await closed.Task.WaitAsync(WorldWaiter.Patience));
        await client.ResumeAsync();

        Assert.Equal(first.PlayerId, client.Welcome.PlayerId);
        Assert.Equal(first.MatchId, client.Welcome.MatchId);
        Assert.NotEqual(first.Resume, client.Welcome.Resume);
        Assert.True(client.TryGetOwnPlayer(out EntityState own));
        Assert.Equal("Ada", own.Name);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task LeaveAsync_ServerClosesNormally()
    {
        await using GameClient client = await GameClient.ConnectAsync(_server.WebSocketUri, ArenaClient.Options());
        await client.JoinAsync("Ada");
        var closed = new TaskCompletionSource<WebSocketCloseStatus?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Closed += (status, _) => closed.TrySetResult(status);

        await client.LeaveAsync();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await closed.Task.WaitAsync(WorldWaiter.Patience));
    }
}
