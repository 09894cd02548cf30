using System.Buffers;
using System.Net.Sockets;
using GameServer.Connections;
using GameServer.Protocol;
using GameServer.Security;
using GameServer.Transport.Epoll;
using Microsoft.Extensions.Options;

namespace GameServer.Transport;

/// <summary>
/// The opening handshake of the lean transport (RFC 6455 4.2): reads the request head, applies the caps and the
/// <see cref="UpgradePolicy"/>, answers 101 or the refusal, and runs the player on a <see cref="GameSocket"/>.
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
    private const int MaxHeadBytes = 8192;
    private static readonly byte[] s_endOfHead = "\r\n\r\n"u8.ToArray();
    private static long s_connections;

    /// <summary>How long a new connection may take to send its request head.</summary>
    public TimeSpan IdleTimeout { get; } = limits.Value.IdleTimeout;

    /// <summary>Runs the handshake and then the player, until the connection ends.</summary>
    internal async Task RunAsync(EpollSocket socket)
    {
        IDisposable? lease = null;
        try
        {
            // The handshake's buffer and parsed headers go with its own frame: a player holds only what it plays with.
            (Task? running, lease) = await UpgradeAsync(socket).ConfigureAwait(false);
            if (running is not null)
            {
                await running.ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Close();
        }
        catch (Exception ex)
        {
            LogHandshakeFailed(logger, ex);
            socket.Close();
        }
        finally
        {
            lease?.Dispose();
        }
    }

    /// <summary>Answers the request head: a refusal (and null), or 101 and the running player with its slot of the caps.</summary>
    private async Task<(Task? Running, IDisposable? Lease)> UpgradeAsync(EpollSocket socket)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxHeadBytes);
        IDisposable? lease = null;
        try
        {
            (int headLength, int received) = await ReadHeadAsync(socket, buffer).ConfigureAwait(false);
            if (headLength < 0)
            {
                await RespondAsync(socket, UpgradeResponses.Refusal(new UpgradeRefusal(
                    StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request head too large"))).ConfigureAwait(false);
                return (null, null);
            }

            RequestHead? request = RequestHead.Parse(buffer.AsSpan(0, headLength));
            if (request is null)
            {
                await RespondAsync(socket, UpgradeResponses.Refusal(new UpgradeRefusal(StatusCodes.Status400BadRequest, "Bad request"))).ConfigureAwait(false);
                return (null, null);
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
                await RespondAsync(socket, UpgradeResponses.Refusal(refusal, request.IsWebSocket && !request.IsVersion13)).ConfigureAwait(false);
                lease?.Dispose();
                return (null, null);
            }

            await RespondAsync(socket, UpgradeResponses.Accept(request.Header("Sec-WebSocket-Key")!, SubProtocols.Name(version)), close: false).ConfigureAwait(false);
            var game = new GameSocket(socket, services, keepAlive);
            var connection = new PlayerConnection(game, "g" + Interlocked.Increment(ref s_connections), services, ticket, request.Query("seat"), version);
            Task running = registry.RunAsync(connection);
            game.Start(connection, buffer.AsSpan(headLength + s_endOfHead.Length, received - headLength - s_endOfHead.Length));
            return (running, lease);
        }
        catch
        {
            lease?.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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

    /// <summary>Reads until the blank line that ends the head; returns its length (-1 when too large) and the bytes read.</summary>
    private async Task<(int HeadLength, int Received)> ReadHeadAsync(EpollSocket socket, byte[] buffer)
    {
        using var expiry = new CancellationTokenSource(IdleTimeout);
        int received = 0;
        while (received < buffer.Length)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, expiry.Token).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            int searchFrom = Math.Max(0, received - 3);
            received += read;
            int end = buffer.AsSpan(searchFrom, received - searchFrom).IndexOf(s_endOfHead);
            if (end >= 0)
            {
                return (searchFrom + end, received);
            }
        }

        return (-1, received);
    }

    private static async Task RespondAsync(EpollSocket socket, byte[] response, bool close = true)
    {
        await socket.SendAsync(response, CancellationToken.None).ConfigureAwait(false);
        if (close)
        {
            socket.Socket.Shutdown(SocketShutdown.Both);
            socket.Close();
        }
    }

    [LoggerMessage(EventId = 60, EventName = "HandshakeFailed", Level = LogLevel.Error, Message = "A WebSocket handshake failed on the server's side")]
    private static partial void LogHandshakeFailed(ILogger logger, Exception exception);
}
