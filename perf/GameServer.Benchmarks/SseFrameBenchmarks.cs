using System.Text;
using BenchmarkDotNet.Attributes;
using GameServer.Spectators;

namespace GameServer.Benchmarks;

/// <summary>Formatting one spectator-feed event as SSE bytes: the pump does it once for every event the feed keeps.</summary>
[MemoryDiagnoser]
public class SseFrameBenchmarks
{
    private static readonly byte[] s_score =
        Encoding.UTF8.GetBytes("{\"id\":17,\"phase\":\"playing\",\"secondsLeft\":93.4,\"players\":[{\"id\":3,\"name\":\"Ada\",\"score\":12,\"kills\":4}]}");

    [Benchmark]
    public byte[] ScoreEventWithId() => SseFrames.Event("score", s_score, 123_456);
}
