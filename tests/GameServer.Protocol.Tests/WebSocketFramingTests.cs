using GameServer.Protocol.WebSockets;

namespace GameServer.Protocol.Tests;

/// <summary>RFC 6455 section 5 as the server reads client frames and writes its own.</summary>
public sealed class WebSocketFramingTests
{
    [Theory]
    [InlineData("82 85 01020304 68 67 6e 68 6e", true, WebSocketOpcode.Binary, 6, 5)]
    [InlineData("02 fe 0080 01020304", false, WebSocketOpcode.Binary, 8, 128)]
    [InlineData("89 80 00000000", true, WebSocketOpcode.Ping, 6, 0)]
    public void TryReadClientHeader_ValidFrame_IsComplete(string hex, bool final, WebSocketOpcode opcode, int headerLength, int payloadLength)
    {
        FrameHeaderStatus status = WebSocketFraming.TryReadClientHeader(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), 1024,
            out ClientFrameHeader header, out _);

        Assert.Equal(FrameHeaderStatus.Complete, status);
        Assert.Equal((final, opcode, headerLength, payloadLength), (header.Final, header.Opcode, header.HeaderLength, header.PayloadLength));
    }

    [Theory]
    [InlineData("82 05 6867", FrameHeaderStatus.ProtocolError)]       // unmasked
    [InlineData("c2 80 00000000", FrameHeaderStatus.ProtocolError)]    // reserved bit
    [InlineData("83 80 00000000", FrameHeaderStatus.ProtocolError)]    // reserved opcode
    [InlineData("09 80 00000000", FrameHeaderStatus.ProtocolError)]    // fragmented control frame
    [InlineData("89 fe 007e", FrameHeaderStatus.ProtocolError)]        // control frame over 125 bytes
    [InlineData("82 ff 8000000000000000", FrameHeaderStatus.ProtocolError)] // 64-bit length with its top bit set
    [InlineData("82 fe 0401", FrameHeaderStatus.TooBig)]               // 1025 bytes, judged before any of them arrive
    [InlineData("82", FrameHeaderStatus.Incomplete)]
    [InlineData("82 fe 00", FrameHeaderStatus.Incomplete)]
    [InlineData("82 85 0102", FrameHeaderStatus.Incomplete)]
    public void TryReadClientHeader_BrokenOrShortFrame_SaysWhy(string hex, FrameHeaderStatus expected)
    {
        FrameHeaderStatus status = WebSocketFraming.TryReadClientHeader(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)), 1024,
            out _, out string? error);

        Assert.Equal(expected, status);
        Assert.Equal(expected == FrameHeaderStatus.Incomplete, error is null);
    }

    [Fact]
    public void Unmask_InPiecesAtAnyOffset_GivesThePayload()
    {
        byte[] payload = "Hello, WebSocket frames!"u8.ToArray();
        const uint Mask = 0x0A0B0C0D;
        byte[] masked = (byte[])payload.Clone();
        WebSocketFraming.Unmask(masked, Mask);
        Assert.NotEqual(payload, masked);

        WebSocketFraming.Unmask(masked.AsSpan(0, 7), Mask);
        WebSocketFraming.Unmask(masked.AsSpan(7), Mask, offset: 7);

        Assert.Equal(payload, masked);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(125, 2)]
    [InlineData(126, 4)]
    [InlineData(65535, 4)]
    [InlineData(65536, 10)]
    public void WriteServerHeader_ReadsBackWithItsLength(int payloadLength, int headerLength)
    {
        byte[] frame = new byte[WebSocketFraming.MaxServerHeaderBytes + payloadLength];

        int written = WebSocketFraming.WriteServerHeader(frame, WebSocketOpcode.Binary, payloadLength);

        Assert.Equal(headerLength, written);
        Assert.Equal(headerLength, WebSocketFraming.ServerHeaderLength(payloadLength));
        Assert.True(WebSocketFraming.TryReadServerFrame(frame.AsSpan(0, written + payloadLength), out WebSocketOpcode opcode, out int readHeader, out int readPayload));
        Assert.Equal((WebSocketOpcode.Binary, headerLength, payloadLength), (opcode, readHeader, readPayload));
    }
}
