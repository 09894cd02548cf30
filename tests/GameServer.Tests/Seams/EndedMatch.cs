using GameServer.Matches;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Seams;

/// <summary>A match that a player opened and left, on a node whose empty matches end soon.</summary>
internal static class EndedMatch
{
    /// <summary>Returns the match's id once the node's directory says it has been removed.</summary>
    public static async Task<uint> OpenAndEndAsync(TestServer node)
    {
        TestPlayer player = await TestPlayer.JoinAsync(node, "Brief");
        uint matchId = player.Welcome.MatchId;
        await player.SendLeaveAsync();
        await player.WaitForCloseAsync();
        await player.DisposeAsync();

        IMatchDirectory directory = node.GetService<IMatchDirectory>();
        await Eventually.TrueAsync(async () => await directory.WasRemovedAsync(matchId));
        return matchId;
    }
}
