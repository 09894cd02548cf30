namespace GameServer.SpectatorLoad;

/// <summary>The server process's resident memory, from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
internal static class ServerMemory
{
    /// <summary>VmRSS in KiB, or null without a pid or off Linux.</summary>
    public static long? ResidentKiB(int? pid)
    {
        string path = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
