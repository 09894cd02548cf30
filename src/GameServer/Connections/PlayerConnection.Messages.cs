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
        switch (_rateLimiter.Take(_services.Time.GetTimestamp()))
        {
            case RateDecision.Dropped:
                _services.Metrics.MessageDropped();
                return;
            case RateDecision.Flood:
                Close(CloseReason.Flood, WebSocketCloseStatus.PolicyViolation, "Too many messages.");
                return;
        }

        switch (ClientMessageReader.TryRead(frame, out ClientMessage message, out string? reason))
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
                else
                {
                    RejectInState("Already in a match: Join is valid only before joining.");
                }

                break;
            case MessageType.Input:
                if (_slot is PlayerSlot slot && State == ConnectionState.Playing)
                {
                    if (!slot.Inputs.Enqueue(message.Input))
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

        MatchHost? match;
        if (join.MatchId is uint matchId)
        {
            switch (_services.Matchmaker.TryJoin(matchId, out match))
            {
                case JoinOutcome.NotFound:
                    SendError(new ErrorMessage(ErrorCode.MatchNotFound, "No live match has that id."));
                    return;
                case JoinOutcome.Full:
                    SendError(new ErrorMessage(ErrorCode.MatchFull, "That match is full or has ended."));
                    return;
            }
        }
        else
        {
            match = _services.Matchmaker.QuickJoin();
        }

        EnterMatch(match!, new MatchCommand(MatchCommandKind.Join, this, join.Name));
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
