using GameServer.Connections;
using GameServer.Protocol;

namespace GameServer.Matches;

public sealed partial class MatchHost
{
    private void ApplyCommands(long now)
    {
        while (_commands.TryDequeue(out MatchCommand command))
        {
            switch (command.Kind)
            {
                case MatchCommandKind.Join:
                    Join(command.Connection, command.Name!);
                    break;
                case MatchCommandKind.Resume:
                    Resume(command.Connection, command.Token);
                    break;
                case MatchCommandKind.Leave:
                    if (FindSlot(command.Connection) is PlayerSlot leaving)
                    {
                        Remove(leaving);
                    }

                    break;
                case MatchCommandKind.Disconnect:
                    if (FindSlot(command.Connection) is PlayerSlot dropped)
                    {
                        dropped.Connection = null;
                        dropped.DisconnectedAt = now;

                        // Spectators hear of it at once (and get standings with connected: false), not only when
                        // the grace period has passed and the player has left.
                        AddPresenceEvent(PresenceChange.Disconnected, dropped);
                    }

                    break;
            }
        }
    }

    private void Join(PlayerConnection connection, string name)
    {
        if (connection.IsClosed)
        {
            Interlocked.Decrement(ref _reservedSeats);
            return;
        }

        uint playerId = _match.AddPlayer(name);
        _recorder?.Joined(_match.Tick, playerId, name);
        _names[playerId] = name;
        var slot = new PlayerSlot(playerId, name, _services.Matchmaking.MaxInputsPerTick) { Connection = connection, Subject = connection.Subject };
        Attach(slot, connection);
        _slots.Add(slot);
        PublishPlayers();
        LogPlayerJoined(_services.Logger, Id, playerId, name);
    }

    private void Resume(PlayerConnection connection, ResumeToken token)
    {
        PlayerSlot? slot = null;
        foreach (PlayerSlot candidate in _slots)
        {
            if (candidate.Token == token)
            {
                slot = candidate;
                break;
            }
        }

        // With tickets, a token is only good with a ticket for the same player: a stolen token takes no seat.
        if (slot is null || slot.Subject != connection.Subject)
        {
            connection.OnJoinRejected(new ErrorMessage(ErrorCode.ResumeRejected, "The resume token is unknown, used, or expired; join again."));
            return;
        }

        bool wasDisconnected = slot.Connection is null;
        slot.Connection?.OnReplaced();
        slot.Inputs.Clear();
        Attach(slot, connection);
        if (wasDisconnected)
        {
            AddPresenceEvent(PresenceChange.Resumed, slot);
        }

        LogPlayerResumed(_services.Logger, Id, slot.PlayerId, slot.Name);
    }

    /// <summary>Gives the slot to a connection: a fresh single-use token, then Welcome and Snapshot at this tick's end.</summary>
    private void Attach(PlayerSlot slot, PlayerConnection connection)
    {
        _services.Resumes.Unregister(slot.Token);
        slot.Token = ResumeToken.NewRandom();
        _services.Resumes.Register(slot.Token, this);
        slot.Connection = connection;
        slot.NeedsWelcome = true;
        slot.NeedsSnapshot = true;
        slot.BehindSince = 0;
        connection.OnJoined(this, slot);
        _services.Metrics.Joined();
    }

    // Published with this tick's game events; RefreshSummary sees it, so the standings that follow are current.
    private void AddPresenceEvent(PresenceChange presence, PlayerSlot slot) =>
        _feedEvents.Add(MatchFeedEvent.ForPresence(presence, _match.Tick, slot.PlayerId, slot.Name, _services.Gateway.ResumeGracePeriod));

    private void ExpireDisconnected(long now)
    {
        for (int i = _slots.Count - 1; i >= 0; i--)
        {
            PlayerSlot slot = _slots[i];
            if (slot.Connection is null && _services.Time.GetElapsedTime(slot.DisconnectedAt, now) >= _services.Gateway.ResumeGracePeriod)
            {
                Remove(slot);
            }
        }
    }

    private void Remove(PlayerSlot slot)
    {
        _match.RemovePlayer(slot.PlayerId);
        _recorder?.Left(_match.Tick, slot.PlayerId);
        _services.Resumes.Unregister(slot.Token);
        _slots.Remove(slot);
        PublishPlayers();
        Interlocked.Decrement(ref _reservedSeats);
        LogPlayerLeft(_services.Logger, Id, slot.PlayerId, slot.Name);
    }

    private void PublishPlayers() => Volatile.Write(ref _players, [.. _slots]);

    private PlayerSlot? FindSlot(PlayerConnection connection)
    {
        foreach (PlayerSlot slot in _slots)
        {
            if (slot.Connection == connection)
            {
                return slot;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 30, EventName = "PlayerJoined", Level = LogLevel.Information, Message = "Player {PlayerName} ({PlayerId}) joined match {MatchId}")]
    private static partial void LogPlayerJoined(ILogger logger, uint matchId, uint playerId, string playerName);

    [LoggerMessage(EventId = 31, EventName = "PlayerResumed", Level = LogLevel.Information, Message = "Player {PlayerName} ({PlayerId}) resumed in match {MatchId}")]
    private static partial void LogPlayerResumed(ILogger logger, uint matchId, uint playerId, string playerName);

    [LoggerMessage(EventId = 32, EventName = "PlayerLeft", Level = LogLevel.Information, Message = "Player {PlayerName} ({PlayerId}) left match {MatchId}")]
    private static partial void LogPlayerLeft(ILogger logger, uint matchId, uint playerId, string playerName);
}
