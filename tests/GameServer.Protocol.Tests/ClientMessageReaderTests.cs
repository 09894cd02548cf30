using System.Buffers;
using GameServer.Arena.Wire;

namespace GameServer.Protocol.Tests;

/// <summary>Untrusted bytes: every bad frame is reported, none throws, none allocates from a declared length.</summary>
public sealed class ClientMessageReaderTests
{
    public static TheoryData<string, string> MalformedFrames() => new()
    {
        { "empty", "" },
        { "not an array", "01" },
        { "empty array", "90" },
        { "type not an integer", "91a3616263" },
        { "truncated input", "9702" + "2acd03e87fd0a6cd40" },
        { "input missing fields", "9302 2a cd03e8" },
        { "move out of int8 range", "97 02 2a cd03e8 cc80 00 00 00" },
        { "aim out of uint16 range", "97 02 2a cd03e8 00 00 ce00010000 00" },
        { "negative sequence", "97 02 ff cd03e8 00 00 00 00" },
        { "view tick a string", "98 02 2a cd03e8 00 00 00 00 a1 61" },
        { "view tick nil", "98 02 2a cd03e8 00 00 00 00 c0" },
        { "view tick negative", "98 02 2a cd03e8 00 00 00 00 ff" },
        { "view tick above uint32", "98 02 2a cd03e8 00 00 00 00 cf 0000000100000000" },
        { "bytes after the array", "9104" + "c0" },
        { "two frames in one", "9104" + "9104" },
        { "name not a string", "94 01 c0 c0 c0" },
        { "name string over 64 bytes", "94 01 d9 41" + string.Concat(Enumerable.Repeat("61", 65)) + "c0 c0" },
        { "name invalid utf-8", "94 01 a2 c328 c0 c0" },
        { "game not a string", "95 01 a3 416461 c0 c0 07" },
        { "game string over 64 bytes", "95 01 a3 416461 c0 c0 d9 41" + string.Concat(Enumerable.Repeat("61", 65)) },
        { "token of 4 bytes", "94 01 a3 416461 c0 c4 04 00112233" },
        { "match id negative", "94 01 a3 416461 ff c0" },
        { "array claims 4 billion elements", "dd ffffffff 02" },
        { "string claims 4 GiB", "94 01 db ffffffff 41" },
        { "bin claims 4 GiB", "94 01 a3 416461 c0 c6 ffffffff" },
        { "reserved byte 0xc1", "c1" },
    };

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public void TryRead_MalformedFrame_ReportsMalformedWithAReason(string description, string hex)
    {
        byte[] bytes = Convert.FromHexString(hex.Replace(" ", string.Empty));

        DecodeStatus status = ClientMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), InputMessage.Layout, new int[4], out _, out string? reason);

        Assert.True(status == DecodeStatus.Malformed, description);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void TryRead_ArraysNested10000Deep_IsMalformed()
    {
        byte[] bytes = Enumerable.Repeat((byte)0x91, 10_000).Append((byte)0x01).ToArray();
        Assert.Equal(DecodeStatus.Malformed, Frames.ClientStatus(bytes));
    }

    [Fact]
    public void TryRead_LeaveWithNestedTrailingElement_SkipsIt()
    {
        // [4, [[[1]]]]: an extra element, however nested, is skipped.
        Assert.Equal(DecodeStatus.Ok, Frames.ClientStatus(Convert.FromHexString("920491919101")));
    }

    [Fact]
    public void TryRead_InputWithoutViewTick_HasViewTickZero()
    {
        ClientMessage message = Frames.ReadClient(Convert.FromHexString("97022acd03e800000000"));
        Assert.Equal(0u, message.Input.ViewTick);
    }

    [Fact]
    public void TryRead_InputWithANinthElement_ReadsTheViewTickAndSkipsTheRest()
    {
        // [2, 42, 1000, 0, 0, 0, 0, 996, "x"]: a later minor version's field after viewTick is ignored (protocol.md, Reading rules).
        InputMessage input = Frames.ReadInput(Convert.FromHexString("99022acd03e800000000cd03e4a178"));
        Assert.Equal(new InputMessage(42, 1000, 0, 0, 0, Buttons.None, 996), input);
    }

    [Fact]
    public void TryRead_RandomBytes_NeverThrows()
    {
        var random = new Random(1234);
        var outcomes = new Dictionary<DecodeStatus, int>();
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            DecodeStatus status = ClientMessageReader.TryRead(new ReadOnlySequence<byte>(bytes), InputMessage.Layout, new int[4], out _, out string? reason);

            Assert.True(Enum.IsDefined(status), $"Undefined status {status} for {Convert.ToHexString(bytes)}");
            Assert.True(status != DecodeStatus.Malformed || !string.IsNullOrEmpty(reason), $"Malformed without a reason for {Convert.ToHexString(bytes)}");
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
        }

        // Random bytes are almost never a valid frame; most must be refused, not read as something.
        Assert.True(outcomes.GetValueOrDefault(DecodeStatus.Malformed) > 18_000, string.Join(", ", outcomes));
    }

    [Fact]
    public void TryRead_EveryTruncationOfTheVectors_IsMalformed()
    {
        foreach (string name in new[] { "join-quick", "join-game", "join-resume", "input", "ping", "leave" })
        {
            byte[] vector = ProtocolDocument.Vector(name);
            for (int length = 0; length < vector.Length; length++)
            {
                Assert.Equal(DecodeStatus.Malformed, Frames.ClientStatus(vector[..length]));
            }
        }
    }

    [Fact]
    public void TryRead_UnknownType_ReportsUnknownType()
    {
        Assert.Equal(DecodeStatus.UnknownType, Frames.ClientStatus(Convert.FromHexString("927f01")));
    }

    [Fact]
    public void TryRead_ServerMessageTypeFromAClient_ReportsUnknownType()
    {
        Assert.Equal(DecodeStatus.UnknownType, Frames.ClientStatus(ProtocolDocument.Vector("pong")));
    }

    [Fact]
    public void TryRead_ExtraTrailingElements_AreIgnored()
    {
        // [3, 123456, "future field"]
        byte[] bytes = Frames.Write(w =>
        {
            var writer = new MessagePack.MessagePackWriter(w);
            writer.WriteArrayHeader(3);
            writer.Write(3);
            writer.Write(123456u);
            writer.Write("future field");
            writer.Flush();
        });

        Assert.Equal(123456u, Frames.ReadClient(bytes).Ping.ClientTime);
    }

    [Fact]
    public void TryRead_IntegerInALongerEncoding_IsAccepted()
    {
        // [3, uint64 5]: any encoding whose value fits the field's range is valid.
        Assert.Equal(5u, Frames.ReadClient(Convert.FromHexString("9203cf0000000000000005")).Ping.ClientTime);
    }

    [Fact]
    public void TryRead_JoinWithANilGame_AsksForTheDefaultGame()
    {
        Assert.Equal(new JoinMessage("Ada", null, ResumeToken.None), Frames.ReadClient(Convert.FromHexString("9501a3416461c0c0c0")).Join);
    }

    [Fact]
    public void TryRead_FrameInSeveralSegments_ReadsTheSameMessage()
    {
        byte[] vector = ProtocolDocument.Vector("join-resume");
        ReadOnlySequence<byte> sequence = Segments.Split(vector, 3);

        Assert.Equal(DecodeStatus.Ok, ClientMessageReader.TryRead(sequence, InputMessage.Layout, new int[4], out ClientMessage message, out _));
        Assert.Equal(new JoinMessage("Ada", 7, SampleWorlds.Token), message.Join);
    }
}
