using System.Runtime.InteropServices;
using GameServer.Connections;
using GameServer.Protocol;
using GameServer.Transport;
using GameServer.Transport.Uring;

namespace GameServer.Matches;

public sealed partial class MatchHost
{
    /// <summary>
    /// The fan-out: the delta and this tick's events are encoded and framed once per protocol version the match's
    /// players speak, into one buffer that every player of that version in step gets in one write (a v2 player's copy
    /// carries its own 5-byte ack, <see cref="SharedFrame.WithUInt32At"/>); the match's writes go to the kernel
    /// together where they can (<see cref="SocketBatch{TSocket}"/>). A player whose queue is full loses the
    /// delta and is marked for a Snapshot, sent once its queue has drained. Events follow the delta of their tick and
    /// are best effort: the state they describe also reaches the player in deltas and snapshots.
    /// </summary>
    private void Broadcast(long now)
    {
        foreach (GameEvent gameEvent in _match.Events)
        {
            _feedEvents.Add(new MatchFeedEvent(gameEvent, NameOf(gameEvent.Subject), NameOf(gameEvent.Object))
            {
                ItemName = gameEvent.Kind == GameEventKind.Pickup ? _match.ItemName(gameEvent.Value) : null,
            });
        }

        if (_feedEvents.Count > 0)
        {
            _services.Events.Publish(Id, CollectionsMarshal.AsSpan(_feedEvents), Summary);
            _feedEvents.Clear();
        }

        _wire.Begin(HasSchemaPlayers());
        using (SocketBatch<GameSocket>.Gather(_services.Gateway.UseIoUring))
        {
            foreach (PlayerSlot slot in _slots)
            {
                if (slot.Connection is PlayerConnection connection)
                {
                    Deliver(slot, connection, now);
                }
            }
        }

        _wire.End();
        _match.ClearEvents();
    }

    private void Deliver(PlayerSlot slot, PlayerConnection connection, long now)
    {
        IFrameSender sender = connection.Sender;
        bool v2 = connection.ProtocolVersion == ProtocolConstants.Version2;
        if (!slot.NeedsSnapshot && (!v2 || _wire.HasSchemaBase))
        {
            if (v2 ? _wire.TrySendDelta(sender, slot.Inputs.LastSequence) : sender.TrySend(_wire.Delta()))
            {
                return;
            }

            FallBehind(slot, now);
        }
        else if (sender.Queued == 0)
        {
            if (slot.NeedsWelcome)
            {
                SendWelcome(slot, sender, v2);
            }

            // The snapshot carries this tick's state; the tick's events follow it, as they follow a delta.
            if (v2 ? _wire.TrySendSnapshot(sender, slot.Inputs.LastSequence) : sender.TrySend(_wire.Snapshot()))
            {
                if (slot.BehindSince != 0)
                {
                    _services.Metrics.Resynced();
                    slot.Resyncs++;
                }

                slot.NeedsSnapshot = false;
                slot.BehindSince = 0;
                return;
            }
        }

        if (slot.BehindSince != 0 && _services.Time.GetElapsedTime(slot.BehindSince, now) > _services.Gateway.MaxBehind)
        {
            connection.OnFellBehind();
        }
    }

    private bool HasSchemaPlayers()
    {
        foreach (PlayerSlot slot in _slots)
        {
            if (slot.Connection is PlayerConnection { ProtocolVersion: ProtocolConstants.Version2 })
            {
                return true;
            }
        }

        return false;
    }

    private void FallBehind(PlayerSlot slot, long now)
    {
        _services.Metrics.DeltaDropped();
        slot.NeedsSnapshot = true;
        if (slot.BehindSince == 0)
        {
            slot.BehindSince = now;
        }
    }

    private string? NameOf(uint playerId) => _names.GetValueOrDefault(playerId);

    private void SendWelcome(PlayerSlot slot, IFrameSender sender, bool v2)
    {
        var welcome = new WelcomeMessage(v2 ? ProtocolConstants.Version2 : ProtocolConstants.Version, slot.PlayerId, Id, _tickRate, _match.Tick, slot.Token);
        SharedFrame frame = v2
            ? SharedFrame.Encode((welcome, _match.Schema), static (writer, m) => FrameWriter.WriteWelcome(writer, m.welcome, m.Schema))
            : SharedFrame.Encode(welcome, static (writer, message) => FrameWriter.WriteWelcome(writer, message));
        sender.SendReply(frame);
        slot.NeedsWelcome = false;
        frame.Release();
    }
}
