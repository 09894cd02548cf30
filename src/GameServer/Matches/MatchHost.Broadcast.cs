using System.Runtime.InteropServices;
using GameServer.Connections;
using GameServer.Protocol;

namespace GameServer.Matches;

public sealed partial class MatchHost
{
    /// <summary>
    /// The fan-out: one delta and one frame per event, encoded once, referenced by every player in step. A player
    /// whose queue is full loses the delta and is marked for a Snapshot, sent once its queue has drained.
    /// </summary>
    private void Broadcast(long now)
    {
        SharedFrame delta = SharedFrame.Rent(1024);
        FrameWriter.WriteDelta(delta, _previous, _match.World);
        foreach (GameEvent gameEvent in _match.Events)
        {
            _eventFrames.Add(SharedFrame.Encode(gameEvent, static (writer, e) => FrameWriter.WriteEvent(writer, e)));
            _feedEvents.Add(new MatchFeedEvent(gameEvent, NameOf(gameEvent.Subject), NameOf(gameEvent.Object)));
        }

        if (_feedEvents.Count > 0)
        {
            _services.Events.Publish(Id, CollectionsMarshal.AsSpan(_feedEvents), Summary);
            _feedEvents.Clear();
        }

        SharedFrame? snapshot = null;
        foreach (PlayerSlot slot in _slots)
        {
            if (slot.Connection is PlayerConnection connection)
            {
                Deliver(slot, connection, delta, ref snapshot, now);
            }
        }

        delta.Release();
        snapshot?.Release();
        foreach (SharedFrame frame in _eventFrames)
        {
            frame.Release();
        }

        _eventFrames.Clear();
        _match.ClearEvents();
    }

    private void Deliver(PlayerSlot slot, PlayerConnection connection, SharedFrame delta, ref SharedFrame? snapshot, long now)
    {
        IFrameSender sender = connection.Sender;
        if (!slot.NeedsSnapshot)
        {
            if (sender.TrySend(delta))
            {
                SendEvents(sender);
                return;
            }

            FallBehind(slot, now);
        }
        else if (sender.Queued == 0)
        {
            if (slot.NeedsWelcome)
            {
                SendWelcome(slot, sender);
            }

            snapshot ??= SharedFrame.Encode(_match.World, static (writer, world) => FrameWriter.WriteSnapshot(writer, world));
            if (sender.TrySend(snapshot))
            {
                if (slot.BehindSince != 0)
                {
                    _services.Metrics.Resynced();
                }

                slot.NeedsSnapshot = false;
                slot.BehindSince = 0;
                SendEvents(sender);
                return;
            }
        }

        if (slot.BehindSince != 0 && _services.Time.GetElapsedTime(slot.BehindSince, now) > _services.Gateway.MaxBehind)
        {
            connection.OnFellBehind();
        }
    }

    // Events are best effort: the state they describe also reaches the player in deltas and snapshots.
    private void SendEvents(IFrameSender sender)
    {
        foreach (SharedFrame frame in _eventFrames)
        {
            if (!sender.TrySend(frame))
            {
                return;
            }
        }
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

    private void SendWelcome(PlayerSlot slot, IFrameSender sender)
    {
        var welcome = new WelcomeMessage(ProtocolConstants.Version, slot.PlayerId, Id, _tickRate, _match.World.Tick, slot.Token);
        SharedFrame frame = SharedFrame.Encode(welcome, static (writer, message) => FrameWriter.WriteWelcome(writer, message));
        if (sender.TrySend(frame))
        {
            slot.NeedsWelcome = false;
        }

        frame.Release();
    }
}
