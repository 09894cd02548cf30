using System.Text;
using GameServer.Spectators;

namespace GameServer.Tests.Spectators;

public sealed class SseFramesTests
{
    [Theory]
    [InlineData("score", "{\"id\":7}", 42L, "event: score\ndata: {\"id\":7}\nid: 42\n\n")]
    [InlineData("summary", "{\"id\":7}", null, "event: summary\ndata: {\"id\":7}\n\n")]
    [InlineData("match.event", "first\nsecond", 9_223_372_036_854_775_807L, "event: match.event\ndata: first\ndata: second\nid: 9223372036854775807\n\n")]
    [InlineData("heartbeat", "", 0L, "event: heartbeat\ndata: \nid: 0\n\n")]
    [InlineData("x", "ends\n", null, "event: x\ndata: ends\ndata: \n\n")]
    public void Event_IsTheEventLine_ADataLinePerLine_AndTheId(string name, string data, long? id, string expected)
    {
        byte[] frame = SseFrames.Event(name, Encoding.UTF8.GetBytes(data), id);

        Assert.Equal(expected, Encoding.UTF8.GetString(frame));
    }
}
