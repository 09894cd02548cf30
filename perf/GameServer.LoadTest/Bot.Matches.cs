using GameServer.Protocol;

namespace GameServer.LoadTest;

/// <summary>
/// A bot's life across matches. When its match closes (the last delta of the Ended phase, or Error 6 when the match
/// failed) the connection is back before Join (protocol.md, Session 6), and the bot joins the next match after a short
/// pause, as a player leaving the end screen would: a run may outlast any number of matches.
/// </summary>
internal sealed partial class Bot
{
    /// <summary>The pause before joining the next match; a random part spreads the joins of one match's bots.</summary>
    private const long RejoinDelayMicros = 200_000;
    private const long RejoinJitterMicros = 800_000;

    /// <summary>Silence in the Ended phase that means the match closed and its last delta was lost (the bot was behind).</summary>
    private const long ClosedMatchSilenceMicros = 2_000_000;

    private MatchPhase _phase;
    private long _lastFrameAt;
    private long _matchClosedAt = -1;
    private long _rejoinAt = -1;
    private bool _rejoining;

    /// <summary>Called on the receive loop with the phase of each snapshot and delta.</summary>
    private void OnPhase(MatchPhase phase, uint ticksLeft, long now)
    {
        Volatile.Write(ref _lastFrameAt, now);
        _phase = phase;
        if (phase == MatchPhase.Ended && ticksLeft == 0)
        {
            OnMatchClosed(now);
        }
    }

    /// <summary>Called by the scheduler thread for a joined bot; true when the bot's match has closed in silence.</summary>
    private bool CheckMatchSilence(long now)
    {
        if (_phase != MatchPhase.Ended || now - Volatile.Read(ref _lastFrameAt) <= ClosedMatchSilenceMicros)
        {
            return false;
        }

        OnMatchClosed(now);
        return true;
    }

    private void OnMatchClosed(long now)
    {
        if (State != BotState.Joined)
        {
            return;
        }

        // Set before the state changes: the scheduler times the join timeout of a Connected bot from _connectedAt.
        _connectedAt = now;
        if (Interlocked.CompareExchange(ref _state, (int)BotState.Connected, (int)BotState.Joined) == (int)BotState.Joined)
        {
            Volatile.Write(ref _matchClosedAt, now);
        }
    }

    /// <summary>Called by the scheduler thread for a bot back before Join: sends Join once the pause is over.</summary>
    private void PumpRejoin(long now)
    {
        long closedAt = Volatile.Read(ref _matchClosedAt);
        if (closedAt < 0)
        {
            return;
        }

        if (_rejoinAt < 0)
        {
            _rejoinAt = closedAt + RejoinDelayMicros + (long)(NextRandom() % RejoinJitterMicros);
        }

        if (now < _rejoinAt)
        {
            return;
        }

        _rejoinAt = -1;
        Volatile.Write(ref _matchClosedAt, -1);
        _connectedAt = now;
        Volatile.Write(ref _rejoining, true);

        // A fixed match id was for the first match only: the next one is whatever quick join finds.
        _out.ResetWrittenCount();
        FrameWriter.WriteJoin(_out, new JoinMessage(_name, null, default, _context.Options.Game));
        TrySend();
    }

    /// <summary>
    /// Called on the receive loop before a Welcome makes the bot Joined: until its Snapshot arrives the bot knows no
    /// phase, and after a rejoin it is in a new match, whose first Snapshot is not a resync.
    /// </summary>
    private void OnWelcomeToMatch(long now)
    {
        _phase = MatchPhase.Waiting;
        Volatile.Write(ref _lastFrameAt, now);
        if (Volatile.Read(ref _rejoining))
        {
            Volatile.Write(ref _rejoining, false);
            _hasWorld = false;
            _context.Stats.RecordRejoin();
        }
    }
}
