namespace GameServer.Benchmarks;

/// <summary>A benchmark class that can say how many bytes each of its benchmarks encodes, for <see cref="PayloadSizeColumn"/>.</summary>
public interface IPayloadSize
{
    int PayloadBytes(string benchmarkMethod);
}
