using GameServer.Protocol.Schema;

namespace GameServer.Protocol.Tests.Schema;

/// <summary>The test vectors of docs/netcode-v2.md, read from the document itself, and the tiny schema they are in.</summary>
internal static class NetcodeV2Document
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> s_vectors =
        new(() => ProtocolDocument.LoadVectors(ProtocolDocument.FindFile(Path.Combine("docs", "netcode-v2.md"))));

    private static readonly Lazy<GameSchema> s_schema = new(() => GameSchema.FromBytes(Vector("tiny-schema")));

    public static IReadOnlyDictionary<string, byte[]> Vectors => s_vectors.Value;

    /// <summary>The schema of the `tiny-schema` vector, which the state vectors are encoded with.</summary>
    public static GameSchema Schema => s_schema.Value;

    public static byte[] Vector(string name) =>
        Vectors.TryGetValue(name, out byte[]? bytes) ? bytes : throw new KeyNotFoundException($"docs/netcode-v2.md has no vector `{name}`.");
}
