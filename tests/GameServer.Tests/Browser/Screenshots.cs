using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Browser;

/// <summary>
/// Where the browser tests save the pages' screenshots: the README's docs/*.png when GAMESERVER_SCREENSHOTS=1
/// (to refresh them), else the test output folder, so that an ordinary test run leaves the working tree clean.
/// </summary>
internal static class Screenshots
{
    /// <summary>Whether this run refreshes the README's screenshots (GAMESERVER_SCREENSHOTS=1).</summary>
    public static bool Refreshing => Environment.GetEnvironmentVariable("GAMESERVER_SCREENSHOTS") == "1";

    public static string PathFor(string fileName)
    {
        if (Refreshing && RepositoryRoot.Find() is string root)
        {
            return Path.Combine(root, "docs", fileName);
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots", fileName);
    }
}
