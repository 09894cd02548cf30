using System.Net.Sockets;
using GameServer.Connections;
using GameServer.Protocol;
using GameServer.Security;
using GameServer.Transport.Epoll;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// The opening handshake of the lean transport (RFC 6455 4.2): given the request head an <see cref="ArrivingConnection"/>
/// read, applies the caps and the <see cref="UpgradePolicy"/>, answers 101 or the refusal, and runs the player on a
/// <see cref="GameSocket"/>. Called on the socket's epoll loop; only an answer the socket cannot take at once goes on
/// as a task.
/// </summary>
public sealed partial class UpgradeHandshake(
    GatewayServices services,
    UpgradePolicy policy,
    ConnectionCaps caps,
    ConnectionRegistry registry,
    KeepAliveSweep keepAlive,
    ClientAddresses clients,
    IOptions<ConnectionLimitOptions> limits,
    ILogger<UpgradeHandshake> logger)
{
    private static readonly byte[] s_headTooLarge = UpgradeResponses.Refusal(new UpgradeRefusal(
        StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request head too large"));

    private static readonly byte[] s_badRequest = UpgradeResponses.Refusal(new UpgradeRefusal(StatusCodes.Status400BadRequest, "Bad request"));
    private static long s_connections;

    /// <summary>How long a new connection may take to send its request head.</summary>
    public TimeSpan IdleTimeout { get; } = limits.Value.IdleTimeout;

    internal void RefuseHeadTooLarge(EpollSocket socket) => Refuse(socket, s_headTooLarge);

    /// <summary>Answers a whole request head: a refusal, or 101 and the player, run to its end.</summary>
    /// <param name="received">Bytes that came after the head, read with it: the player's first frames.</param>
    internal void Answer(EpollSocket socket, ReadOnlySpan<byte> head, ReadOnlySpan<byte> received)
    {
        IDisposable? lease = null;
        try
        {
            RequestHead? request = RequestHead.Parse(head);
            if (request is null)
            {
                Refuse(socket, s_badRequest);
                return;
            }

            lease = caps.TryAcquire(clients.Of(socket.Socket, request));
            JoinTicket? ticket = null;
            int version = SubProtocols.Choose(request.HasToken("Sec-WebSocket-Protocol", ProtocolConstants.SubProtocol),
                request.HasToken("Sec-WebSocket-Protocol", ProtocolConstants.SubProtocolV2));
            UpgradeRefusal? refusal = lease is null
                ? new UpgradeRefusal(StatusCodes.Status429TooManyRequests, "Too many connections")
                : Judge(request, version, out ticket);
            if (refusal is not null)
            {
                lease?.Dispose();
                lease = null;
                Refuse(socket, UpgradeResponses.Refusal(refusal, request.IsWebSocket && !request.IsVersion13));
                return;
            }

            var player = new Upgraded(socket, ticket, request.Query("seat"), version, lease!);
            ValueTask accepting = socket.SendAsync(UpgradeResponses.Accept(request.Header("Sec-WebSocket-Key")!, SubProtocols.Name(version)), CancellationToken.None);
            if (accepting.IsCompletedSuccessfully)
            {
                Play(player, received);
            }
            else
            {
                _ = PlayWhenAcceptedAsync(accepting, player, received.ToArray());
            }

            lease = null;
        }
        catch (Exception ex)
        {
            lease?.Dispose();
            Failed(socket, ex);
        }
    }

    /// <summary>Closes a socket whose handshake failed: the peer's doing is no error of the server's.</summary>
    internal void Failed(EpollSocket socket, Exception ex)
    {
        if (ex is not (SocketException or OperationCanceledException or ObjectDisposedException))
        {
            LogHandshakeFailed(logger, ex);
        }

        socket.Close();
    }

    private void Play(Upgraded player, ReadOnlySpan<byte> received)
    {
        var game = new GameSocket(player.Socket, services, keepAlive);
        var connection = new PlayerConnection(game, "g" + Interlocked.Increment(ref s_connections), services, player.Ticket, player.Seat, player.Version);
        Task running = registry.RunAsync(connection);
        game.Start(connection, received);
        _ = ReleaseWhenEndedAsync(player, running);
    }

    private async Task PlayWhenAcceptedAsync(ValueTask accepting, Upgraded player, byte[] received)
    {
        try
        {
            await accepting.ConfigureAwait(false);
            Play(player, received);
        }
        catch (Exception ex)
        {
            player.Lease.Dispose();
            Failed(player.Socket, ex);
        }
    }

    private async Task ReleaseWhenEndedAsync(Upgraded player, Task running)
    {
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Failed(player.Socket, ex);
        }
        finally
        {
            player.Lease.Dispose();
        }
    }

    /// <summary>Answers with a refusal and closes; an answer the socket cannot take at once is finished as a task.</summary>
    private void Refuse(EpollSocket socket, byte[] response)
    {
        ValueTask sending = socket.SendAsync(response, CancellationToken.None);
        if (sending.IsCompletedSuccessfully)
        {
            Close(socket);
        }
        else
        {
            _ = CloseWhenSentAsync(socket, sending);
        }
    }

    private async Task CloseWhenSentAsync(EpollSocket socket, ValueTask sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
            Close(socket);
        }
        catch (Exception ex)
        {
            Failed(socket, ex);
        }
    }

    private static void Close(EpollSocket socket)
    {
        socket.Socket.Shutdown(SocketShutdown.Both);
        socket.Close();
    }

    private UpgradeRefusal? Judge(RequestHead request, int version, out JoinTicket? ticket)
    {
        if (request.IsWebSocket && !request.IsVersion13)
        {
            ticket = null;
            return new UpgradeRefusal(StatusCodes.Status426UpgradeRequired, "WebSocket version 13 required");
        }

        return policy.Check(request.IsWebSocket, version != 0,
            request.Header("Origin"), request.Header("Authorization"), request.Query("ticket"), request.Query(UpgradePolicy.ResumeParameter), out ticket);
    }

    /// <summary>An upgrade answered with 101: what its player starts with, and its slot of the caps.</summary>
    private sealed record Upgraded(EpollSocket Socket, JoinTicket? Ticket, string? Seat, int Version, IDisposable Lease);

    [LoggerMessage(EventId = 60, EventName = "HandshakeFailed", Level = LogLevel.Error, Message = "A WebSocket handshake failed on the server's side")]
    private static partial void LogHandshakeFailed(ILogger logger, Exception exception);
}
