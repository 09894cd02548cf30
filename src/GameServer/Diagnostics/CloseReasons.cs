namespace GameServer.Diagnostics;

/// <summary>Metric labels for <see cref="CloseReason"/>, without enum.ToString() on each close.</summary>
public static class CloseReasons
{
    private static readonly string[] s_names = Enum.GetValues<CloseReason>().Select(r => ToSnakeCase(r.ToString())).ToArray();

    public static string Name(CloseReason reason) => s_names[(int)reason];

    private static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
