using System.Text.RegularExpressions;

namespace GameServer.Protocol.Tests;

/// <summary>The test vectors of protocol.md, read from the document itself so that it and the code cannot drift.</summary>
internal static partial class ProtocolDocument
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> s_vectors = new(Load);

    public static IReadOnlyDictionary<string, byte[]> Vectors => s_vectors.Value;

    public static byte[] Vector(string name) =>
        Vectors.TryGetValue(name, out byte[]? bytes) ? bytes : throw new KeyNotFoundException($"protocol.md has no vector `{name}`.");

    public static string FindPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "protocol.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("protocol.md was not found above the test's directory.");
    }

    private static Dictionary<string, byte[]> Load()
    {
        string text = File.ReadAllText(FindPath());
        var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (Match match in VectorPattern().Matches(text))
        {
            string hex = Regex.Replace(match.Groups["hex"].Value, @"\s+", string.Empty);
            vectors.Add(match.Groups["name"].Value, Convert.FromHexString(hex));
        }

        return vectors;
    }

    [GeneratedRegex(@"#### Vector `(?<name>[a-z-]+)`[^`]*?```hex\s*(?<hex>[0-9a-f\s]+?)```", RegexOptions.Singleline)]
    private static partial Regex VectorPattern();
}
