namespace GameServer.Tests.Browser;

/// <summary>
/// Where the browser tests save the pages' screenshots: the README's docs/*.png when GAMESERVER_SCREENSHOTS=1
/// (to refresh them), else the test output folder, so that an ordinary test run leaves the working tree clean.
/// </summary>
internal static class Screenshots
{
    public static string PathFor(string fileName)
    {
        if (Environment.GetEnvironmentVariable("GAMESERVER_SCREENSHOTS") == "1" && FindRepositoryRoot() is string root)
        {
            return Path.Combine(root, "docs", fileName);
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots", fileName);
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GameServer.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
