using System.Collections.Concurrent;
using GameServer.Connections;
using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>What an operator does to a running match (the admin API): kicks, carried to the tick like any command.</summary>
public sealed partial class MatchHost
{
    private readonly ConcurrentQueue<PlayerKick> _kicks = new();

    /// <summary>
    /// Removes a player at the match's next tick: its connection is closed with 4008 and <paramref name="reason"/>, and
    /// its seat is not held (its resume token dies with it). Safe from any thread; a player already gone is ignored.
    /// </summary>
    public void Kick(uint playerId, string reason)
    {
        _kicks.Enqueue(new PlayerKick(playerId, reason));
    }

    private void ApplyKicks()
    {
        while (_kicks.TryDequeue(out PlayerKick kick))
        {
            foreach (PlayerSlot slot in _slots)
            {
                if (slot.PlayerId == kick.PlayerId)
                {
                    PlayerConnection? connection = slot.Connection;
                    Remove(slot);
                    connection?.OnKicked(this, kick.Reason);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Shows the players of a match that ends early, without a fault, the documented end of a match: one more delta, in
    /// phase Ended with no ticks left, after which the match closes and they are back before Join.
    /// </summary>
    private void BroadcastEndScreen()
    {
        // The match has not stepped since its last broadcast: the end screen is the next tick.
        uint tick = _match.Tick + 1;
        SharedFrame? frame = _wire.EndScreen(tick);
        int ackOffset = 0;
        SharedFrame? schemaFrame = HasSchemaPlayers() ? _wire.SchemaEndScreen(tick, out ackOffset) : null;
        foreach (PlayerSlot slot in _slots)
        {
            // A player waiting for a snapshot holds no base for the delta: it just goes back before Join.
            if (slot.Connection is not PlayerConnection connection || slot.NeedsSnapshot)
            {
                continue;
            }

            if (connection.ProtocolVersion != ProtocolConstants.Version2)
            {
                if (frame is not null)
                {
                    connection.Sender.TrySend(frame);
                }
            }
            else if (schemaFrame is not null)
            {
                connection.Sender.TrySendWithAck(schemaFrame, ackOffset, slot.Inputs.LastSequence);
            }
        }

        frame?.Release();
        schemaFrame?.Release();
    }

    private readonly record struct PlayerKick(uint PlayerId, string Reason);
}
