using GameServer.Arena.Wire;

namespace GameServer.Protocol.Tests;

public sealed class DeltaCodecTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 200; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Apply_DeltaOfRandomWorlds_ReconstructsTheCurrentWorld(int seed)
    {
        var worlds = new RandomWorlds(seed);
        WorldState previous = worlds.Create(entities: seed % 70);
        WorldState current = worlds.Next(previous);

        var client = new WorldState();
        client.CopyFrom(previous);
        Frames.ReadServer(Frames.Write(w => ArenaFrameWriter.WriteDelta(w, previous, current)), client);

        Assert.True(client.ContentEquals(current));
        Assert.Equal(current.ComputeHash(), client.ComputeHash());
    }

    [Fact]
    public void Apply_ChainOfDeltasAfterASnapshot_TracksTheServerForManyTicks()
    {
        var worlds = new RandomWorlds(seed: 7);
        WorldState server = worlds.Create(entities: 32);
        var client = new WorldState();
        Frames.ReadServer(Frames.Write(w => ArenaFrameWriter.WriteSnapshot(w, server)), client);

        for (int tick = 0; tick < 500; tick++)
        {
            WorldState next = worlds.Next(server);
            Frames.ReadServer(Frames.Write(w => ArenaFrameWriter.WriteDelta(w, server, next)), client);
            server = next;
            Assert.True(client.ContentEquals(server), $"diverged at step {tick}");
        }
    }

    [Fact]
    public void Write_UnchangedWorld_SendsOnlyTheHeader()
    {
        WorldState world = SampleWorlds.AtTick1000();
        var next = new WorldState();
        next.CopyFrom(world);

        byte[] bytes = Frames.Write(w => ArenaFrameWriter.WriteDelta(w, world, next));

        // [18, 1000, 1000, 2, 9000, [], [], []]
        Assert.Equal(Convert.FromHexString("9812cd03e8cd03e802cd2328909090"), bytes);
    }

    [Fact]
    public void Apply_DeltaForAnotherBase_LeavesTheWorldUntouchedAndFails()
    {
        byte[] delta = ProtocolDocument.Vector("delta");
        WorldState world = SampleWorlds.AtTick1001();
        ulong before = world.ComputeHash();

        var status = ArenaMessageReader.TryRead(new(delta), world, out _, out string? reason);

        Assert.Equal(DecodeStatus.Malformed, status);
        Assert.Contains("base tick", reason);
        Assert.Equal(before, world.ComputeHash());
    }

    [Fact]
    public void ComputeHash_DiffersWhenAnyFieldDiffers()
    {
        WorldState a = SampleWorlds.AtTick1000();
        WorldState b = SampleWorlds.AtTick1000();
        Assert.Equal(a.ComputeHash(), b.ComputeHash());

        b.Get(3).Aim++;
        Assert.NotEqual(a.ComputeHash(), b.ComputeHash());
    }
}
