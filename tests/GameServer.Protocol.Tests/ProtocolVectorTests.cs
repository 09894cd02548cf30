using GameServer.Arena.Wire;

namespace GameServer.Protocol.Tests;

/// <summary>Each vector of protocol.md decodes to the meaning the document gives, and that meaning encodes to the vector.</summary>
public sealed class ProtocolVectorTests
{
    [Fact]
    public void Document_HasAVectorForEveryMessageType()
    {
        string[] expected = ["join-quick", "join-game", "join-resume", "input", "input-view", "ping", "leave", "welcome", "snapshot", "delta", "pong", "event-kill", "error",
            "welcome-v2", "delta-v2", "input-v2"];
        Assert.Equal(expected.Order(), ProtocolDocument.Vectors.Keys.Order());
    }

    [Fact]
    public void JoinQuick_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("join-quick");
        ClientMessage message = Frames.ReadClient(vector);
        Assert.Equal(MessageType.Join, message.Type);
        Assert.Equal(new JoinMessage("Ada", null, ResumeToken.None), message.Join);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteJoin(w, message.Join)));
    }

    [Fact]
    public void JoinGame_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("join-game");
        ClientMessage message = Frames.ReadClient(vector);
        Assert.Equal(new JoinMessage("Ada", null, ResumeToken.None, "tag"), message.Join);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteJoin(w, message.Join)));
    }

    [Fact]
    public void JoinResume_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("join-resume");
        ClientMessage message = Frames.ReadClient(vector);
        Assert.Equal(new JoinMessage("Ada", 7, SampleWorlds.Token), message.Join);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteJoin(w, message.Join)));
    }

    [Fact]
    public void Input_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("input");
        Assert.Equal(MessageType.Input, Frames.ReadClient(vector).Type);
        InputMessage input = Frames.ReadInput(vector);
        Assert.Equal(new InputMessage(42, 1000, 127, -90, 16384, Buttons.Fire), input);
        Assert.Equal(vector, Frames.Write(w => ArenaFrameWriter.WriteInput(w, input)));
    }

    [Fact]
    public void InputView_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("input-view");
        Assert.Equal(MessageType.Input, Frames.ReadClient(vector).Type);
        InputMessage input = Frames.ReadInput(vector);
        Assert.Equal(new InputMessage(42, 1000, 127, -90, 16384, Buttons.Fire, 996), input);
        Assert.Equal(vector, Frames.Write(w => ArenaFrameWriter.WriteInput(w, input)));
    }

    [Fact]
    public void Ping_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("ping");
        ClientMessage message = Frames.ReadClient(vector);
        Assert.Equal(MessageType.Ping, message.Type);
        Assert.Equal(123456u, message.Ping.ClientTime);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WritePing(w, message.Ping)));
    }

    [Fact]
    public void Leave_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("leave");
        Assert.Equal(MessageType.Leave, Frames.ReadClient(vector).Type);
        Assert.Equal(vector, Frames.Write(FrameWriter.WriteLeave));
    }

    [Fact]
    public void Welcome_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("welcome");
        ServerMessage message = Frames.ReadServer(vector, new WorldState());
        Assert.Equal(new WelcomeMessage(1, 3, 7, 30, 1000, SampleWorlds.Token), message.Welcome);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteWelcome(w, message.Welcome)));
    }

    [Fact]
    public void Snapshot_DecodesToTheDescribedWorldAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("snapshot");
        var world = new WorldState();
        ServerMessage message = Frames.ReadServer(vector, world);
        Assert.Equal(MessageType.Snapshot, message.Type);
        Assert.Equal(1000u, message.Tick);
        Assert.True(world.ContentEquals(SampleWorlds.AtTick1000()));
        Assert.Equal(vector, Frames.Write(w => ArenaFrameWriter.WriteSnapshot(w, world)));
    }

    [Fact]
    public void Delta_AppliedToTheSnapshot_GivesTheDescribedWorldAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("delta");
        WorldState world = SampleWorlds.AtTick1000();
        ServerMessage message = Frames.ReadServer(vector, world);
        Assert.Equal(MessageType.Delta, message.Type);
        Assert.Equal(1000u, message.BaseTick);
        Assert.Equal(1001u, message.Tick);
        Assert.True(world.ContentEquals(SampleWorlds.AtTick1001()));
        Assert.Equal(vector, Frames.Write(w => ArenaFrameWriter.WriteDelta(w, SampleWorlds.AtTick1000(), SampleWorlds.AtTick1001())));
    }

    [Fact]
    public void Pong_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("pong");
        ServerMessage message = Frames.ReadServer(vector, new WorldState());
        Assert.Equal(new PongMessage(123456, 1001), message.Pong);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WritePong(w, message.Pong)));
    }

    [Fact]
    public void EventKill_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("event-kill");
        ServerMessage message = Frames.ReadServer(vector, new WorldState());
        Assert.Equal(new GameEvent(1001, GameEventKind.Kill, 3, 5, 0), message.Event);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteEvent(w, message.Event)));
    }

    [Fact]
    public void Error_DecodesAndEncodes()
    {
        byte[] vector = ProtocolDocument.Vector("error");
        ServerMessage message = Frames.ReadServer(vector, new WorldState());
        Assert.Equal(new ErrorMessage(ErrorCode.InvalidState, "join first"), message.Error);
        Assert.Equal(vector, Frames.Write(w => FrameWriter.WriteError(w, message.Error)));
    }
}
