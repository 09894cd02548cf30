using System.Net.Sockets;
using System.Text;
using GameServer.Protocol;
using GameServer.Spectators;
using GameServer.Transport.Epoll;

namespace GameServer.Transport;

/// <summary>Tells what a new connection is from its request line, peeked: the bytes stay for whoever takes it.</summary>
internal static class ConnectionSniff
{
    // "GET /matches/4294967295/events?" and a little more: enough to see the end of any path the listener takes.
    private const int RequestLineBytes = 40;
    private static readonly byte[] s_get = "GET /"u8.ToArray();

    public static async Task<UpgradeSniff> SniffAsync(EpollSocket socket, TimeSpan timeout)
    {
        byte[] first = new byte[RequestLineBytes];
        using var expiry = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                int peeked = await socket.ReceiveAsync(first, SocketFlags.Peek, expiry.Token).ConfigureAwait(false);
                if (peeked == 0)
                {
                    return UpgradeSniff.Silent;
                }

                if (Classify(first.AsSpan(0, peeked), peeked == first.Length) is UpgradeSniff sniff)
                {
                    return sniff;
                }

                // The request line came in pieces: a peek returns at once while any byte is there, so wait a little.
                await Task.Delay(5, expiry.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            return UpgradeSniff.Silent;
        }
    }

    /// <summary>What <paramref name="start"/> says, or null while more bytes are needed to tell (never once <paramref name="full"/>).</summary>
    internal static UpgradeSniff? Classify(ReadOnlySpan<byte> start, bool full)
    {
        int compared = Math.Min(start.Length, s_get.Length);
        if (!start[..compared].SequenceEqual(s_get.AsSpan(0, compared)))
        {
            return UpgradeSniff.Other;
        }

        int pathEnd = start.Length > s_get.Length ? start[s_get.Length..].IndexOfAny((byte)' ', (byte)'?') : -1;
        if (pathEnd < 0)
        {
            return full ? UpgradeSniff.Other : null;
        }

        string path = Encoding.ASCII.GetString(start.Slice(s_get.Length - 1, pathEnd + 1));
        return path == ProtocolConstants.Path ? UpgradeSniff.Game
            : SpectatorFeedPaths.TryParse(path, out _) ? UpgradeSniff.Feed
            : UpgradeSniff.Other;
    }
}
