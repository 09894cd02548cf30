using System.Net;
using System.Net.Http.Json;
using GameServer.Protocol;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Simulation.Replays;
using GameServer.Simulation.Tag;

namespace GameServer.Tests.Replays;

/// <summary>Replays of a game other than Arena: recorded, listed, downloaded, verified and re-simulated into frames like Arena's.</summary>
public sealed class TagReplayRecordingTests
{
    [Fact(Timeout = 90_000)]
    public async Task TwoV2PlayersPlayTag_RecordedListedDownloadedVerified_FramesReadByTheV2ReaderToTheLastTick()
    {
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(), tag: ReplayServer.ShortTag());
        using HttpClient client = server.CreateHttpClient();
        ReplayEntry entry = await ReplayServer.PlayTagAsync(server, client);

        List<ReplayEntry>? listed = await client.GetFromJsonAsync<List<ReplayEntry>>("/replays");
        byte[] file = await client.GetByteArrayAsync($"/replays/{entry.Id}");
        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);
        using HttpResponseMessage frames = await client.GetAsync($"/replays/{entry.Id}/frames");
        ReplayFramesBody body = ReplayFramesBody.Read(await frames.Content.ReadAsByteArrayAsync());

        Assert.Equal(TagSchema.GameName, Assert.Single(listed!, r => r.Id == entry.Id).Game);
        Assert.Equal(2, entry.Players);
        Assert.True(entry.Complete);
        Assert.Equal(ReplayOutcome.Ok, verdict.Outcome);
        Assert.Equal(entry.Ticks, verdict.Tick);
        Assert.True(verdict.HashesChecked >= 2, verdict.Message);
        Assert.Equal(2, verdict.Start!.InputFields);
        Assert.Contains(-ReplayServer.TagInputs, StepValues(file, TagSchema.MoveY));
        Assert.Equal(HttpStatusCode.OK, frames.StatusCode);
        Assert.Equal("application/octet-stream", frames.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TagSchema.GameName, body.Schema.Game);
        Assert.Equal(30, body.TickRate);
        Assert.Equal((int)entry.Ticks, body.Frames.Count);
        Assert.Equal(entry.Ticks, body.Last.Tick);
        Assert.Equal(MatchPhase.Ended, body.Last.Phase);
        Assert.Equal(["Ada", "Bob"], Enumerable.Range(0, body.Last.Count).Select(body.Last.NameAt).Order(StringComparer.Ordinal));
    }

    /// <summary>The value at <paramref name="field"/> of every recorded input.</summary>
    private static List<int> StepValues(byte[] file, int field)
    {
        var values = new List<int>();
        var reader = new ReplayReader(file);
        while (reader.TryRead(out ReplayRecord record))
        {
            foreach (PlayerInput input in record.Inputs.Span)
            {
                values.Add(input.Input.Values[field]);
            }
        }

        return values;
    }
}
