namespace GameServer.Protocol.Tests.Fuzzing;

/// <summary>
/// The committed fuzz corpus, perf/GameServer.Fuzz/corpus: seeds, crashes once found (now fixed) and queue entries kept
/// from afl-fuzz runs. Its open-bugs folder holds inputs that still fail and is not loaded until they are fixed.
/// </summary>
internal static class FuzzCorpus
{
    public const string OpenBugsFolder = "open-bugs";

    public static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "perf", "GameServer.Fuzz", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("perf/GameServer.Fuzz/corpus was not found above the test's directory.");
    }

    /// <summary>Every input file (notes in .md files aside), by path relative to the corpus, in ordinal order.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> LoadInputs()
    {
        string root = FindDirectory();
        var inputs = new List<(string, byte[])>();
        foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string name = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!name.StartsWith(OpenBugsFolder + "/", StringComparison.Ordinal) && !name.EndsWith(".md", StringComparison.Ordinal))
            {
                inputs.Add((name, File.ReadAllBytes(file)));
            }
        }

        return inputs;
    }
}
