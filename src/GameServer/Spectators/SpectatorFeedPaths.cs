using System.Globalization;

namespace GameServer.Spectators;

/// <summary>The feed's two paths, for the endpoints Kestrel routes and for the lean listener, which reads them itself.</summary>
public static class SpectatorFeedPaths
{
    public const string All = "/events";

    public const string OneMatch = "/matches/{id}/events";

    private const string MatchPrefix = "/matches/";

    /// <summary>Whether <paramref name="path"/> (no query) is a feed; <paramref name="matchId"/> is null for <see cref="All"/>.</summary>
    public static bool TryParse(string path, out uint? matchId)
    {
        matchId = null;
        if (path == All)
        {
            return true;
        }

        if (!path.StartsWith(MatchPrefix, StringComparison.Ordinal) || !path.EndsWith(All, StringComparison.Ordinal)
            || path.Length <= MatchPrefix.Length + All.Length)
        {
            return false;
        }

        string id = path[MatchPrefix.Length..^All.Length];
        if (!uint.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out uint parsed))
        {
            return false;
        }

        matchId = parsed;
        return true;
    }
}
