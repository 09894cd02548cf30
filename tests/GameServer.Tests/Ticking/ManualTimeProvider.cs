namespace GameServer.Tests.Ticking;

/// <summary>A clock that moves only when a test advances it, with Linux's nanosecond timestamp frequency.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    public const long Frequency = 1_000_000_000;

    private static readonly DateTimeOffset s_epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    // Not zero, so that code mixing up a timestamp and a duration shows in the tests.
    private long _timestamp = 123_456_789;

    public override long TimestampFrequency => Frequency;

    public override long GetTimestamp() => Interlocked.Read(ref _timestamp);

    public override DateTimeOffset GetUtcNow() => s_epoch + TimeSpan.FromSeconds((double)GetTimestamp() / Frequency);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _timestamp, by.Ticks * (Frequency / TimeSpan.TicksPerSecond));

    public void AdvanceTimestamp(long by) => Interlocked.Add(ref _timestamp, by);
}
