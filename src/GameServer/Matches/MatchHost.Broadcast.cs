using System.Runtime.InteropServices;
using GameServer.Connections;
using GameServer.Protocol;

namespace GameServer.Matches;

public sealed partial class MatchHost
{
    /// <summary>
    /// The fan-out: the delta and this tick's events are encoded and framed once, into one buffer that every player in
    /// step gets in one write. A player whose queue is full loses the delta and is marked for a Snapshot, sent once
    /// its queue has drained. Events follow the delta of their tick and are best effort: the state they describe also
    /// reaches the player in deltas and snapshots.
    /// </summary>
    private void Broadcast(long now)
    {
        SharedFrame tick = SharedFrame.Rent(1024);
        tick.Append((_previous, _match.World), static (writer, worlds) => FrameWriter.WriteDelta(writer, worlds._previous, worlds.World));
        foreach (GameEvent gameEvent in _match.Events)
        {
            tick.Append(gameEvent, static (writer, e) => FrameWriter.WriteEvent(writer, e));
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
                Deliver(slot, connection, tick, ref snapshot, now);
            }
        }

        tick.Release();
        snapshot?.Release();
        _match.ClearEvents();
    }

    private void Deliver(PlayerSlot slot, PlayerConnection connection, SharedFrame tick, ref SharedFrame? snapshot, long now)
    {
        IFrameSender sender = connection.Sender;
        if (!slot.NeedsSnapshot)
        {
            if (sender.TrySend(tick))
            {
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

            // The snapshot carries this tick's state; the tick's events follow it, as they follow a delta.
            snapshot ??= EncodeSnapshot();
            if (sender.TrySend(snapshot))
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

    private SharedFrame EncodeSnapshot()
    {
        SharedFrame frame = SharedFrame.Encode(_match.World, static (writer, world) => FrameWriter.WriteSnapshot(writer, world));
        foreach (GameEvent gameEvent in _match.Events)
        {
            frame.Append(gameEvent, static (writer, e) => FrameWriter.WriteEvent(writer, e));
        }

        return frame;
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
        sender.SendReply(frame);
        slot.NeedsWelcome = false;
        frame.Release();
    }
}
