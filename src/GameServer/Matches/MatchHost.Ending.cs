using GameServer.Protocol;

namespace GameServer.Matches;

public sealed partial class MatchHost
{
    // Why the match was asked to end (a MatchEndReason), or -1 while it runs on.
    private volatile int _endRequested = -1;

    /// <summary>Asks the match to end at its next tick (its node is stopping, an operator ended it); safe from any thread.</summary>
    public void RequestEnd(MatchEndReason reason) => _endRequested = (int)reason;

    /// <summary>Asks a running match to end at its next tick; false when it has ended, or an end was asked already. Safe from any thread.</summary>
    public bool TryRequestEnd(MatchEndReason reason) =>
        !_closing && Summary.Phase != MatchPhase.Ended && Interlocked.CompareExchange(ref _endRequested, (int)reason, -1) == -1;

    /// <summary>
    /// Ends a match that did not run its course: the feed hears why, with the last standings published (no winner),
    /// before the match is removed, so spectators never see a match vanish unexplained. A match already on its end
    /// screen said so when it ended.
    /// </summary>
    private void EndEarly(MatchEndReason reason, ErrorMessage? error)
    {
        MatchSummary standings = Summary;
        if (standings.Phase != MatchPhase.Ended)
        {
            _services.Events.Publish(Id, [MatchFeedEvent.Ended(standings.Tick, reason)], standings);
            if (error is null)
            {
                // The end screen is the match's last frame: a Join that answers it is held until the connection is
                // back in the lobby, not refused as out of place (the feed's match.removed can reach a client first).
                _sentLastFrame = true;
                BroadcastEndScreen();
            }
        }

        Shut(error);
    }
}
