using System.Buffers;

namespace GameServer.Admin;

/// <summary>
/// The last <see cref="Capacity"/> samples (10 minutes, one a second), each encoded once as JSON for every reader.
/// Only the newest carries the live matches (about 100 bytes each): the older ones are kept without, so the ring and
/// the <c>history</c> event stay a few hundred KB however many matches the node runs. The sampler appends; any thread
/// reads. Readers wait on <see cref="Changed"/>, read before they read the samples.
/// </summary>
internal sealed class SampleRing
{
    public const int Capacity = 600;

    private readonly Lock _lock = new();
    private readonly byte[][] _samples = new byte[Capacity][];
    private AdminSample? _latest;
    private byte[] _latestJson = [];
    private long _count;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next append.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>The newest sample; null before the first.</summary>
    public AdminSample? Latest
    {
        get
        {
            lock (_lock)
            {
                return _latest;
            }
        }
    }

    public void Append(AdminSample sample)
    {
        byte[] json = AdminJson.Serialize(sample);
        byte[] withoutMatches = AdminJson.Serialize(sample with { LiveMatches = [] });
        TaskCompletionSource changed;
        lock (_lock)
        {
            _count++;
            _samples[(_count - 1) % Capacity] = withoutMatches;
            _latest = sample;
            _latestJson = json;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>
    /// The encoded samples after sequence number <paramref name="after"/> that are still held, oldest first, the newest
    /// with its live matches; returns the newest's number.
    /// </summary>
    public long CopySince(long after, List<byte[]> into)
    {
        lock (_lock)
        {
            for (long sequence = Math.Max(after, _count - Capacity) + 1; sequence <= _count; sequence++)
            {
                into.Add(sequence == _count ? _latestJson : _samples[(sequence - 1) % Capacity]);
            }

            return _count;
        }
    }

    /// <summary>The <c>history</c> event's data, <c>{"samples":[...]}</c>, of every sample held; and the newest's number.</summary>
    public (byte[] Json, long Last) History()
    {
        var samples = new List<byte[]>(Capacity);
        long last = CopySince(0, samples);
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("{\"samples\":["u8);
        for (int i = 0; i < samples.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            buffer.Write(samples[i]);
        }

        buffer.Write("]}"u8);
        return (buffer.WrittenSpan.ToArray(), last);
    }
}
