using System.Net;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Simulation.Replays;
using GameServer.Tests.Browser;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Replays;

public sealed class ReplayRecordingTests
{
    private static readonly IReplayableGame[] s_games = [new ArenaGame(new ArenaRules())];

    [Fact(Timeout = 60_000)]
    public async Task BotsPlayAMatch_RecordedListedDownloaded_ReplaysToIdenticalHashes()
    {
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(runningTicks: 120));
        using HttpClient client = server.CreateHttpClient();
        ReplayEntry entry;
        await using (Bot ada = await Bot.JoinAsync(server, "Ada"))
        await using (Bot bob = await Bot.JoinAsync(server, "Bob", ada.Player.Welcome.MatchId))
        {
            entry = await ReplayServer.WaitForReplayAsync(client, ada.Player.Welcome.MatchId);
        }

        using HttpResponseMessage download = await client.GetAsync($"/replays/{entry.Id}");
        byte[] file = await download.Content.ReadAsByteArrayAsync();
        ReplayVerdict verdict = Replayer.Run(file, s_games);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(entry.Id + ".replay", download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(entry.Bytes, file.Length);
        Assert.Equal(2, entry.Players);
        Assert.True(entry.Complete);
        Assert.True(entry.Ended >= entry.Started);
        Assert.Equal(ReplayOutcome.Ok, verdict.Outcome);
        Assert.Equal(entry.Ticks, verdict.Tick);
        Assert.Equal((int)(entry.Ticks / 30), verdict.HashesChecked);
        Assert.True(verdict.HashesChecked >= 4, verdict.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Frames_ARecordedMatch_ArenasSchemaThenOneV2FramePerTickSnapshotsEvery30()
    {
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules());
        using HttpClient client = server.CreateHttpClient();
        ReplayEntry entry = await ReplayServer.PlayOneAsync(server, client);

        ReplayFramesBody body = ReplayFramesBody.Read(await client.GetByteArrayAsync($"/replays/{entry.Id}/frames"));

        Assert.Equal(ArenaSchema.GameName, body.Schema.Game);
        Assert.Equal(30, body.TickRate);
        Assert.Equal((int)entry.Ticks, body.Frames.Count);
        for (int i = 0; i < body.Frames.Count; i++)
        {
            uint tick = (uint)i + 1;
            Assert.Equal(tick, body.Frames[i].Tick);
            Assert.Equal(i == 0 || tick % ReplayFrames.KeyframeInterval == 0 ? MessageType.Snapshot : MessageType.Delta, body.Frames[i].Type);
        }

        Assert.Contains("Ada", Enumerable.Range(0, body.Last.Count).Select(body.Last.NameAt));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnknownId_404WithAProblem()
    {
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules());
        using HttpClient client = server.CreateHttpClient();

        using HttpResponseMessage file = await client.GetAsync("/replays/..%2Fappsettings");
        using HttpResponseMessage frames = await client.GetAsync("/replays/nope/frames");

        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, frames.StatusCode);
        Assert.Equal("application/problem+json", frames.Content.Headers.ContentType?.MediaType);
    }

    [Fact(Timeout = 60_000)]
    public async Task MaxBytesPerMatch_Reached_RecordingStopsWellFormedAndIsCounted()
    {
        ArenaRules endless = ReplayServer.ShortRules(runningTicks: 0);
        await using TestServer server = await ReplayServer.StartAsync(endless, new Dictionary<string, string?> { ["Replays:MaxBytesPerMatch"] = "2048" });
        using var metrics = new MetricProbe(server);
        using HttpClient client = server.CreateHttpClient();

        await using Bot ada = await Bot.JoinAsync(server, "Ada");
        ReplayEntry entry = await ReplayServer.WaitForReplayAsync(client, ada.Player.Welcome.MatchId);
        byte[] file = await client.GetByteArrayAsync($"/replays/{entry.Id}");
        ReplayVerdict verdict = Replayer.Run(file, s_games);

        Assert.False(entry.Complete);
        Assert.InRange(file.Length, 1024, 2048);
        Assert.Equal(1, metrics.Total("gameserver.replay.dropped[size-limit]"));
        Assert.Equal(ReplayOutcome.Ok, verdict.Outcome);
        Assert.EndsWith("(the recording stopped at its size bound).", verdict.Message);
    }

    [Fact(Timeout = 90_000)]
    public async Task MaxFiles_OldestDeleted_AsRecordingsCompleteAndAtStart()
    {
        string folder = Path.Combine(Path.GetTempPath(), "gameserver-tests", "retention-" + Guid.NewGuid().ToString("N"));
        try
        {
            var entries = new List<ReplayEntry>();
            await using (TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(), Settings(folder, maxFiles: 2)))
            {
                using HttpClient client = server.CreateHttpClient();
                for (int i = 0; i < 3; i++)
                {
                    entries.Add(await ReplayServer.PlayOneAsync(server, client, "p" + i));
                }

                Assert.Equal([entries[2].Id, entries[1].Id], await ListedIdsAsync(client));
            }

            Assert.Equal([entries[1].Id, entries[2].Id], FilesIn(folder));

            await using (TestServer restarted = await ReplayServer.StartAsync(ReplayServer.ShortRules(), Settings(folder, maxFiles: 1)))
            {
                using HttpClient client = restarted.CreateHttpClient();
                await Seams.Eventually.TrueAsync(async () => (await ListedIdsAsync(client)).Count == 1);

                Assert.Equal([entries[2].Id], await ListedIdsAsync(client));
                Assert.Equal([entries[2].Id], FilesIn(folder));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Disabled_MatchPlayed_NothingRecorded()
    {
        string folder = Path.Combine(Path.GetTempPath(), "gameserver-tests", "disabled-" + Guid.NewGuid().ToString("N"));
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(),
            new Dictionary<string, string?> { ["Replays:Enabled"] = "false", ["Replays:Folder"] = folder });
        using HttpClient client = server.CreateHttpClient();
        await using (TestPlayer player = await TestPlayer.JoinAsync(server, "Ada"))
        {
            await player.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended);
        }

        Assert.Empty(await ListedIdsAsync(client));
        Assert.False(Directory.Exists(folder));
    }

    [Fact(Timeout = 60_000)]
    public async Task FolderUnwritable_MatchPlaysOn_RecordingCountedAsAnIoError()
    {
        // A file where the folder should be: neither the folder nor any replay in it can be created.
        string notAFolder = Path.GetTempFileName();
        try
        {
            await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(),
                new Dictionary<string, string?> { ["Replays:Folder"] = notAFolder });
            using var metrics = new MetricProbe(server);
            await using TestPlayer player = await TestPlayer.JoinAsync(server, "Ada");

            await player.WaitForWorldAsync(w => w.Phase == MatchPhase.Ended);
            await metrics.WaitForAsync("gameserver.replay.dropped[io-error]");

            Assert.Equal(0, metrics.Total("gameserver.replay.recorded"));
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Options_OutOfRange_StartFailsNamingTheSetting()
    {
        OptionsValidationException exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestServer.StartAsync(new Dictionary<string, string?> { ["Replays:MaxFiles"] = "0" }));

        Assert.Contains("Replays:MaxFiles must be between 1 and 1000000.", exception.Message);
    }

    private static Dictionary<string, string?> Settings(string folder, int maxFiles) => new()
    {
        ["Replays:Folder"] = folder,
        ["Replays:MaxFiles"] = maxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<List<string>> ListedIdsAsync(HttpClient client) =>
        [.. (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<List<ReplayEntry>>(client, "/replays"))!.Select(r => r.Id)];

    private static List<string> FilesIn(string folder) =>
        [.. Directory.GetFiles(folder).Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];
}
