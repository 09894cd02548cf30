using System.Text.RegularExpressions;

namespace GameServer.Protocol.Tests;

/// <summary>The test vectors of protocol.md, read from the document itself so that it and the code cannot drift.</summary>
internal static partial class ProtocolDocument
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> s_vectors = new(() => LoadVectors(FindPath()));

    public static IReadOnlyDictionary<string, byte[]> Vectors => s_vectors.Value;

    public static byte[] Vector(string name) =>
        Vectors.TryGetValue(name, out byte[]? bytes) ? bytes : throw new KeyNotFoundException($"protocol.md has no vector `{name}`.");

    public static string FindPath() => FindFile("protocol.md");

    /// <summary>A file of the repository, by its path from the root, found above the test's directory.</summary>
    public static string FindFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} was not found above the test's directory.");
    }

    /// <summary>The vectors of a document written as protocol.md's are: a `#### Vector `name`` heading, then a hex block.</summary>
    public static Dictionary<string, byte[]> LoadVectors(string path)
    {
        string text = File.ReadAllText(path);
        var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (Match match in VectorPattern().Matches(text))
        {
            string hex = Regex.Replace(match.Groups["hex"].Value, @"\s+", string.Empty);
            vectors.Add(match.Groups["name"].Value, Convert.FromHexString(hex));
        }

        return vectors;
    }

    [GeneratedRegex(@"#### Vector `(?<name>[a-z0-9-]+)`[^`]*?```hex\s*(?<hex>[0-9a-f\s]+?)```", RegexOptions.Singleline)]
    private static partial Regex VectorPattern();
}
