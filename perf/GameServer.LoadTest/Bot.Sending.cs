using GameServer.Arena.Wire;
using GameServer.Protocol;

namespace GameServer.LoadTest;

internal sealed partial class Bot
{
    private const int InputRing = 64;

    /// <summary>How far behind the latest state a player's screen draws the others: the browser's and the SDK's 100 ms.</summary>
    private const int InterpolationDelayMs = 100;

    private readonly long[] _inputSentAt = new long[InputRing];
    private uint _random;
    private uint _sequence;
    private long _nextInputAt;
    private long _nextPingAt;
    private sbyte _moveX;
    private sbyte _moveY;
    private ushort _aim;
    private uint _interpolationTicks;
    private long _messagesSent;
    private long _bytesSent;

    public long MessagesSent => Volatile.Read(ref _messagesSent);

    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>Called by the scheduler thread, about every millisecond: sends whatever input or ping is due.</summary>
    public void Pump(long now)
    {
        BotState state = State;
        if (state == BotState.Connected)
        {
            if (now - _connectedAt > _context.JoinTimeoutMicros)
            {
                Fail(ErrorKind.JoinTimeout, $"No Welcome within {_context.Options.JoinTimeout.TotalSeconds} s of the upgrade or the last match's end.");
                return;
            }

            PumpRejoin(now);
            return;
        }

        if (state != BotState.Joined || CheckMatchSilence(now))
        {
            return;
        }

        long inputInterval = _context.InputIntervalMicros;
        if (inputInterval > 0 && now >= _nextInputAt)
        {
            // Due times advance by the interval, not from now, so the rate does not drift; a stall skips, not bursts.
            _nextInputAt = Math.Max(_nextInputAt + inputInterval, now - inputInterval);
            SendInput(now);
        }

        long pingInterval = _context.PingIntervalMicros;
        if (pingInterval > 0 && now >= _nextPingAt && State == BotState.Joined)
        {
            _nextPingAt = Math.Max(_nextPingAt + pingInterval, now - pingInterval);
            _out.ResetWrittenCount();
            FrameWriter.WritePing(_out, new PingMessage((uint)now));
            TrySend();
        }
    }

    /// <summary>Spreads the bots' sends over the interval, so that they do not all arrive in the same millisecond.</summary>
    private void ScheduleFirstSends(long now)
    {
        _nextInputAt = now + (long)(NextRandom() % (ulong)Math.Max(1, _context.InputIntervalMicros));
        _nextPingAt = now + (long)(NextRandom() % (ulong)Math.Max(1, _context.PingIntervalMicros));
    }

    private void SendInput(long now)
    {
        uint random = NextRandom();
        if ((random & 0x1F) == 0)
        {
            // A new heading about every 32 inputs, as a player holding a direction would.
            _moveX = (sbyte)((int)(random >> 8 & 0xFF) - 128 | 1);
            _moveY = (sbyte)((int)(random >> 16 & 0xFF) - 128 | 1);
        }

        _aim = (ushort)(_aim + (int)(random >> 24) - 128);
        Buttons buttons = (random & 0x60) == 0 ? Buttons.Fire : Buttons.None;
        uint sequence = ++_sequence;
        _inputSentAt[sequence % InputRing] = now;
        _out.ResetWrittenCount();
        // The view tick a player's screen would show, so the server's lag compensation works as hard as for real players.
        uint lastTick = Volatile.Read(ref _lastTick);
        uint behind = Volatile.Read(ref _interpolationTicks);
        uint viewTick = lastTick > behind ? lastTick - behind : 0;
        if (PlaysTag)
        {
            WriteTagInput(sequence, lastTick, viewTick);
        }
        else if (V2)
        {
            // Arena's input fields in its schema's order: moveX, moveY, aim, buttons.
            Span<int> values = [_moveX, _moveY, _aim, (int)buttons];
            FrameWriter.WriteInput(_out, sequence, lastTick, viewTick, values);
        }
        else
        {
            ArenaFrameWriter.WriteInput(_out, new InputMessage(sequence, lastTick, _moveX, _moveY, _aim, buttons, viewTick));
        }

        TrySend();
    }

    private uint NextRandom()
    {
        uint x = _random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _random = x;
        return x;
    }
}
