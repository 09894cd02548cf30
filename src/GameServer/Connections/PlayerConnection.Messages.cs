using System.Buffers;
using System.Net.WebSockets;
using GameServer.Diagnostics;
using GameServer.Matches;
using GameServer.Protocol;

namespace GameServer.Connections;

public sealed partial class PlayerConnection
{
    private void Handle(ReadOnlySequence<byte> frame)
    {
        long now = _services.Time.GetTimestamp();
        switch (_rateLimiter.Take(now))
        {
            case RateDecision.Dropped:
                _services.Metrics.MessageDropped();
                return;
            case RateDecision.Flood:
                Close(CloseReason.Flood, WebSocketCloseStatus.PolicyViolation, "Too many messages.");
                return;
        }

        // An Input is read by the layout of the match the connection is in (none in the lobby: its values are skipped).
        InputLayout? layout = _match?.InputLayoutFor(ProtocolVersion);
        DecodeStatus status = ClientMessageReader.TryRead(frame, layout, _inputValues, out ClientMessage message, out string? reason);
        switch (status)
        {
            case DecodeStatus.Malformed:
                Close(CloseReason.Malformed, WebSocketCloseStatus.InvalidPayloadData, Truncate(reason!));
                return;
            case DecodeStatus.UnknownType:
                SendError(new ErrorMessage(ErrorCode.UnknownMessageType, "Unknown message type; ignored."));
                return;
        }

        switch (message.Type)
        {
            case MessageType.Join:
                if (State == ConnectionState.Lobby)
                {
                    _afterMatch = false;
                    BeginJoin(message.Join);
                }
                else if (!TryHoldJoin(message.Join))
                {
                    RejectInState("Already in a match: Join is valid only before joining.");
                }

                break;
            case MessageType.Input:
                if (_slot is PlayerSlot slot && State == ConnectionState.Playing && layout is not null)
                {
                    GameInput input = GameInput.From(message.Input, _inputValues.AsSpan(0, layout.Fields.Count));
                    if (!slot.Inputs.Enqueue(input, now))
                    {
                        _services.Metrics.MessageDropped();
                    }
                }
                else if (State == ConnectionState.Lobby)
                {
                    if (_afterMatch)
                    {
                        // Crossed the match's last delta on the wire: an honest client cannot avoid sending these.
                        _services.Metrics.MessageDropped();
                    }
                    else
                    {
                        RejectInState("Join first: Input is valid only in a match.");
                    }
                }

                break;
            case MessageType.Ping:
                var pong = new PongMessage(message.Ping.ClientTime, _match?.Tick ?? 0);
                Send(SharedFrame.Encode(pong, static (writer, m) => FrameWriter.WritePong(writer, m)));
                break;
            case MessageType.Leave:
                _match?.Enqueue(new MatchCommand(MatchCommandKind.Leave, this));
                _match = null;
                Close(CloseReason.Left, WebSocketCloseStatus.NormalClosure, "Left.");
                break;
        }
    }

    private void BeginJoin(JoinMessage join)
    {
        if (_ticket is not null)
        {
            // The studio's backend decides who plays under which name, and where.
            join = join with { Name = _ticket.Name, MatchId = _ticket.MatchId ?? join.MatchId };
        }

        if (!PlayerNames.IsValid(join.Name))
        {
            SendError(new ErrorMessage(ErrorCode.InvalidName, "A name has 1 to 16 characters, not all blank, and no control characters."));
            return;
        }

        // A seat is good for the connection's first Join only: after a match, or with a resume, it joins like any other.
        string? seat = _seat;
        _seat = null;
        if (!join.Resume.IsNone)
        {
            MatchHost? holder = _services.Resumes.Find(join.Resume);
            if (holder is null)
            {
                SendError(new ErrorMessage(ErrorCode.ResumeRejected, "The resume token is unknown, used, or expired; join again."));
                return;
            }

            EnterMatch(holder, new MatchCommand(MatchCommandKind.Resume, this, Token: join.Resume));
            return;
        }

        if (seat is not null)
        {
            ClaimSeat(seat, join);
            return;
        }

        ValueTask<MatchPlacement> placing = join.MatchId is uint matchId
            ? _services.Matchmaker.JoinAsync(matchId)
            : _services.Matchmaker.QuickJoinAsync(join.Game);
        if (placing.IsCompletedSuccessfully)
        {
            Place(placing.Result, join.Name);
        }
        else
        {
            // A networked matchmaker answers later: meanwhile the connection is Joining, so another Join is refused.
            _state = (int)ConnectionState.Joining;
            _ = PlaceWhenAnsweredAsync(placing, join.Name);
        }
    }

    private async Task PlaceWhenAnsweredAsync(ValueTask<MatchPlacement> placing, string name)
    {
        try
        {
            Place(await placing.ConfigureAwait(false), name);
        }
        catch (Exception exception)
        {
            OnServerError(exception);
        }
    }

    private void Place(in MatchPlacement placement, string name)
    {
        switch (placement.Outcome)
        {
            case JoinOutcome.NotFound:
                RefuseJoin(new ErrorMessage(ErrorCode.MatchNotFound, "No live match has that id."));
                return;
            case JoinOutcome.Full:
                RefuseJoin(new ErrorMessage(ErrorCode.MatchFull, "That match is full or has ended."));
                return;
            case JoinOutcome.UnknownGame:
                RefuseJoin(new ErrorMessage(ErrorCode.UnsupportedGame, Truncate($"No such game here; the games are {string.Join(", ", _services.Matches.Games.Names)}.")));
                return;
        }

        if (placement.Outcome == JoinOutcome.Elsewhere)
        {
            RefuseJoin(new ErrorMessage(ErrorCode.MatchNotFound,
                $"Match {placement.MatchId} runs on another node ({placement.Node}): POST /matchmaking for a seat there."));
            return;
        }

        // Removed since the seat was reserved: answered as the match itself answers a join it can no longer take.
        if (_services.Matches.Find(placement.MatchId) is not MatchHost match)
        {
            RefuseJoin(new ErrorMessage(ErrorCode.MatchFull, "The match has ended; join again."));
            return;
        }

        if (RefusesVersion(match))
        {
            return;
        }

        EnterMatch(match, new MatchCommand(MatchCommandKind.Join, this, name));
    }

    /// <summary>Refuses a v1 connection a match whose game only v2 serves (any game but Arena), giving back its seat; true when it did.</summary>
    private bool RefusesVersion(MatchHost match)
    {
        if (ProtocolVersion == ProtocolConstants.Version2 || match.ServesVersion1)
        {
            return false;
        }

        match.ReleaseSeat();
        RefuseJoin(new ErrorMessage(ErrorCode.UnsupportedGame, Truncate($"Match {match.Id} plays {match.Game}, served on protocol v2 only: connect with subprotocol {ProtocolConstants.SubProtocolV2}.")));
        return true;
    }

    private void RefuseJoin(in ErrorMessage error)
    {
        _state = (int)ConnectionState.Lobby;
        SendError(error);
    }

    /// <summary>
    /// Remembers the match before the command goes out, so a disconnect racing the join still reaches that match
    /// (its queue keeps the order: the join, then the disconnect).
    /// </summary>
    private void EnterMatch(MatchHost match, in MatchCommand command)
    {
        _state = (int)ConnectionState.Joining;
        _match = match;
        match.Enqueue(command);
    }

    private void RejectInState(string text)
    {
        if (++_invalidMessages >= _services.Options.MaxInvalidMessages)
        {
            Close(CloseReason.InvalidMessages, WebSocketCloseStatus.PolicyViolation, "Too many messages invalid in this state.");
            return;
        }

        SendError(new ErrorMessage(ErrorCode.InvalidState, text));
    }

    private void SendError(in ErrorMessage error) =>
        Send(SharedFrame.Encode(error, static (writer, m) => FrameWriter.WriteError(writer, m)));

    private void Send(SharedFrame frame)
    {
        Sender.SendReply(frame);
        frame.Release();
    }

    // A close reason may carry at most 123 bytes of UTF-8.
    private static string Truncate(string reason) => reason.Length <= 100 ? reason : reason[..100];
}
