using System.Globalization;

namespace GameServer.SpectatorLoad;

/// <summary>Command line: <c>--url</c>, <c>--path</c>, <c>--connections</c>, <c>--hold</c> (seconds), <c>--server-pid</c>.</summary>
internal sealed record LoadOptions(Uri Url, string Path, int Connections, TimeSpan Hold, int? ServerPid, int Warmup)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new LoadOptions(
            new Uri(values.GetValueOrDefault("url", "http://127.0.0.1:5000")),
            values.GetValueOrDefault("path", "/events"),
            int.Parse(values.GetValueOrDefault("connections", "5000"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("hold", "20"), CultureInfo.InvariantCulture)),
            values.TryGetValue("server-pid", out string? pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            int.Parse(values.GetValueOrDefault("warmup", "200"), CultureInfo.InvariantCulture));
    }
}
