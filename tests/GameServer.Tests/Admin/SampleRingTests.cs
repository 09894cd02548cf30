using System.Text;
using System.Text.Json;
using GameServer.Admin;

namespace GameServer.Tests.Admin;

/// <summary>The console's ten minutes of samples: only the newest lists the live matches, so a history stays small at any number of matches.</summary>
public sealed class SampleRingTests
{
    [Fact]
    public void History_OfSamplesWithLiveMatches_ListsThemInTheNewestOnly()
    {
        var ring = new SampleRing();
        AdminMatch[] live = [.. Enumerable.Range(1, 1000).Select(id => new AdminMatch(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "arena", "running", 60, 8, 8, 120))];
        for (long t = 1; t <= 3; t++)
        {
            ring.Append(new AdminSample(t, false, 8000, 1000, 8000, 0, 0, 0, 0, 0, 0, 0, 0, [], live));
        }

        (byte[] json, long last) = ring.History();
        JsonElement[] samples = [.. JsonDocument.Parse(json).RootElement.GetProperty("samples").EnumerateArray()];

        Assert.Equal(3, last);
        Assert.Equal([0, 0, 1000], samples.Select(s => s.GetProperty("liveMatches").GetArrayLength()));
        var since = new List<byte[]>();
        Assert.Equal(3, ring.CopySince(1, since));
        Assert.Equal([0, 1000], since.Select(s => JsonDocument.Parse(s).RootElement.GetProperty("liveMatches").GetArrayLength()));
        Assert.True(since[0].Length < 1024, Encoding.UTF8.GetString(since[0]));
    }
}
