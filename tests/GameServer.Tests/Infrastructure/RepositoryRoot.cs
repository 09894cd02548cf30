namespace GameServer.Tests.Infrastructure;

/// <summary>The checkout the tests were built from: the folder above the test's output that holds GameServer.sln.</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository's root folder, or null when the tests run outside a checkout.</summary>
    public static string? Find()
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

    /// <summary>A file of the checkout by its path from the root.</summary>
    public static string PathOf(string relativePath) =>
        Path.Combine(Find() ?? throw new DirectoryNotFoundException("GameServer.sln was not found above the test's directory."), relativePath);
}
