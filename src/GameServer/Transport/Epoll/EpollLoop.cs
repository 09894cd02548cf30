using System.Diagnostics;
using System.Net.Sockets;

namespace GameServer.Transport.Epoll;

/// <summary>
/// One epoll instance and the thread that waits on it, as perf/floor runs its sockets: a socket registered here is
/// read by its handler once per readiness, on this thread, with no work item, no completion and no read that finds
/// nothing. Level-triggered unless a registration asks for one shot. The runtime's socket engine never sees these
/// sockets: an fd it had registered would keep waking it for every message.
/// </summary>
internal sealed class EpollLoop : IDisposable
{
    private const int MaxEvents = 256;
    private const ulong WakeToken = ulong.MaxValue;
    // About 16,000 messages a second (some 800 players): past it every wait pauses, as the loop always did.
    private const int BusyEvents = 16;
    private static readonly long s_pauseTicks = Stopwatch.Frequency / 1000;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly Thread _thread;
    private readonly Action<Exception> _handlerFailed;
    private readonly IReadinessPass? _pass;
    private readonly Lock _slotsLock = new();
    private readonly Stack<int> _free = new();
    private volatile Slot[] _slots = new Slot[64];
    private int _used;
    private volatile bool _stopping;

    /// <param name="handlerFailed">Told of a handler's exception, which must not stop the loop's other sockets.</param>
    /// <param name="pass">Brackets each pass over the sockets a wait found ready (the server's gathers their reads into one submission).</param>
    public EpollLoop(string name, Action<Exception> handlerFailed, IReadinessPass? pass = null)
    {
        _handlerFailed = handlerFailed;
        _pass = pass;
        _epoll = EpollInterop.CreateEpoll();
        _wake = EpollInterop.CreateEventFd();
        EpollInterop.Control(_epoll, EpollInterop.Add, _wake, EpollInterop.In, WakeToken);
        _thread = new Thread(Run) { Name = name, IsBackground = true };
        _thread.Start();
    }

    /// <summary>Watches <paramref name="socket"/> for <paramref name="handler"/>, with no interest until it is armed.</summary>
    public EpollRegistration Register(Socket socket, IReadinessHandler handler)
    {
        int index;
        lock (_slotsLock)
        {
            if (!_free.TryPop(out index))
            {
                if (_used == _slots.Length)
                {
                    Slot[] grown = new Slot[_slots.Length * 2];
                    _slots.CopyTo(grown, 0);
                    _slots = grown;
                }

                index = _used++;
                _slots[index] = new Slot();
            }
        }

        Slot slot = _slots[index];
        slot.Handler = handler;
        int fd = (int)socket.SafeHandle.DangerousGetHandle();
        ulong token = ((ulong)(uint)slot.Generation << 32) | (uint)index;
        // One shot with no events: only an error or a hang-up, once, until the owner arms what it waits for.
        if (!EpollInterop.Control(_epoll, EpollInterop.Add, fd, EpollInterop.OneShot, token))
        {
            Free(index);
            throw new SocketException((int)SocketError.NotSocket);
        }

        return new EpollRegistration(this, socket.SafeHandle, fd, token);
    }

    public void Dispose()
    {
        _stopping = true;
        EpollInterop.Signal(_wake);
        _thread.Join();
        EpollInterop.Close(_wake);
        EpollInterop.Close(_epoll);
    }

    internal void Arm(int fd, ulong token, uint events) => EpollInterop.Control(_epoll, EpollInterop.Modify, fd, events, token);

    /// <summary>Sends the registration's events to <paramref name="handler"/> from now on.</summary>
    internal void Retarget(ulong token, IReadinessHandler handler)
    {
        Slot slot = _slots[(int)(uint)token];
        if ((uint)Volatile.Read(ref slot.Generation) == (uint)(token >> 32))
        {
            slot.Handler = handler;
        }
    }

    /// <summary>Stops watching the fd (before its socket is closed or handed on); its slot is reused under a new generation.</summary>
    internal void Unregister(int fd, ulong token)
    {
        EpollInterop.Control(_epoll, EpollInterop.Delete, fd, 0, 0);
        Free((int)(uint)token);
    }

    private void Free(int index)
    {
        Slot slot = _slots[index];
        slot.Handler = null;
        // Events already taken from epoll for the old registration carry the old generation: dropped.
        Interlocked.Increment(ref slot.Generation);
        lock (_slotsLock)
        {
            _free.Push(index);
        }
    }

    private void Run()
    {
        byte[] events = new byte[MaxEvents * EpollInterop.EventSize];
        long lastWoke = 0;
        while (!_stopping)
        {
            int count = EpollInterop.Wait(_epoll, events, -1);
            long woke = Stopwatch.GetTimestamp();
            bool busy = count >= BusyEvents || woke - lastWoke < s_pauseTicks;
            lastWoke = woke;
            try
            {
                DispatchAll(events, count);
            }
            catch (Exception ex)
            {
                // The pass's end failed, a batched read's handling (each handler's own call is guarded in Dispatch).
                _handlerFailed(ex);
            }

            if (count > 0 && busy)
            {
                // A millisecond's pause lets the next wait gather more sockets, so a busy thread wakes (a context
                // switch, and an interrupt in a VM) at most about a thousand times a second however many messages
                // arrive, for at most a millisecond more latency. Only when busy: the wait found many sockets, or
                // returned within a millisecond of the last one. Pausing after every wait cost up to 5 times as
                // much at 16 players and 1.7 times at 160, run to run, and answered pings 0.7 ms later
                // (perf/RESULTS.md, "The epoll loop's pause only when busy").
                Thread.Sleep(1);
            }
        }
    }

    /// <summary>Tells each socket of its events, inside the pass's brackets.</summary>
    private void DispatchAll(ReadOnlySpan<byte> events, int count)
    {
        _pass?.Begin();
        try
        {
            for (int i = 0; i < count; i++)
            {
                ulong token = EpollInterop.DataAt(events, i);
                if (token == WakeToken)
                {
                    EpollInterop.Drain(_wake);
                    continue;
                }

                Dispatch(token, EpollInterop.EventsAt(events, i));
            }
        }
        finally
        {
            _pass?.End();
        }
    }

    private void Dispatch(ulong token, uint events)
    {
        Slot slot = _slots[(int)(uint)token];
        IReadinessHandler? handler = slot.Handler;
        if (handler is null || (uint)Volatile.Read(ref slot.Generation) != (uint)(token >> 32))
        {
            return;
        }

        try
        {
            handler.OnReady(events);
        }
        catch (Exception ex)
        {
            _handlerFailed(ex);
        }
    }

    private sealed class Slot
    {
        public IReadinessHandler? Handler;
        public int Generation;
    }
}
