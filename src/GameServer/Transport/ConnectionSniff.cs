using System.Text;
using GameServer.Protocol;
using GameServer.Spectators;

namespace GameServer.Transport;

/// <summary>Tells what a new connection is from its request line, peeked: the bytes stay for whoever takes it.</summary>
internal static class ConnectionSniff
{
    // "GET /matches/4294967295/events?" and a little more: enough to see the end of any path the listener takes.
    public const int RequestLineBytes = 40;
    private static readonly byte[] s_get = "GET /"u8.ToArray();

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
