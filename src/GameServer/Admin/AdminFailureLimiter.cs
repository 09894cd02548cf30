using System.Net;

namespace GameServer.Admin;

/// <summary>
/// Counts wrong admin tokens per remote address: after more than <see cref="MaxFailures"/> within <see cref="Window"/>
/// the address is refused (429), right token or not, until the window has passed its failures.
/// </summary>
internal sealed class AdminFailureLimiter(TimeProvider time)
{
    public const int MaxFailures = 5;

    /// <summary>Addresses tracked before expired ones are swept: a bound on what a spray of addresses can make us hold.</summary>
    private const int SweepAbove = 10_000;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();

    // Per address, the times of its latest failures (at most MaxFailures + 1), oldest first.
    private readonly Dictionary<IPAddress, Queue<long>> _failures = [];

    /// <summary>How long the address must wait before it may try again; null while it may.</summary>
    public TimeSpan? RetryAfter(IPAddress address)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (!_failures.TryGetValue(address, out Queue<long>? failures) || failures.Count <= MaxFailures)
            {
                return null;
            }

            TimeSpan left = Window - time.GetElapsedTime(failures.Peek(), now);
            return left > TimeSpan.Zero ? left : null;
        }
    }

    public void Fail(IPAddress address)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (_failures.Count > SweepAbove)
            {
                Sweep(now);
            }

            if (!_failures.TryGetValue(address, out Queue<long>? failures))
            {
                failures = new Queue<long>(MaxFailures + 1);
                _failures[address] = failures;
            }

            while (failures.Count > 0 && (failures.Count > MaxFailures || time.GetElapsedTime(failures.Peek(), now) >= Window))
            {
                failures.Dequeue();
            }

            failures.Enqueue(now);
        }
    }

    private void Sweep(long now)
    {
        foreach ((IPAddress address, Queue<long> failures) in _failures)
        {
            if (time.GetElapsedTime(failures.Last(), now) >= Window)
            {
                _failures.Remove(address);
            }
        }
    }
}
