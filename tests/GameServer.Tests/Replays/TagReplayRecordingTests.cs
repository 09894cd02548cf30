using System.Net;
using System.Net.Http.Json;
using GameServer.Replays;
using GameServer.Simulation;
using GameServer.Simulation.Replays;
using GameServer.Simulation.Tag;
using Microsoft.AspNetCore.Mvc;

namespace GameServer.Tests.Replays;

/// <summary>Replays of a game other than Arena: recorded, listed, downloaded and verified like Arena's; the page's frames refused.</summary>
public sealed class TagReplayRecordingTests
{
    [Fact(Timeout = 90_000)]
    public async Task TwoV2PlayersPlayTag_RecordedListedDownloadedVerified_FramesRefusedWhileArenasWork()
    {
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(), tag: ReplayServer.ShortTag());
        using HttpClient client = server.CreateHttpClient();
        ReplayEntry entry = await ReplayServer.PlayTagAsync(server, client);

        List<ReplayEntry>? listed = await client.GetFromJsonAsync<List<ReplayEntry>>("/replays");
        byte[] file = await client.GetByteArrayAsync($"/replays/{entry.Id}");
        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);
        using HttpResponseMessage frames = await client.GetAsync($"/replays/{entry.Id}/frames");
        ProblemDetails? problem = await frames.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(TagSchema.GameName, Assert.Single(listed!, r => r.Id == entry.Id).Game);
        Assert.Equal(2, entry.Players);
        Assert.True(entry.Complete);
        Assert.Equal(ReplayOutcome.Ok, verdict.Outcome);
        Assert.Equal(entry.Ticks, verdict.Tick);
        Assert.True(verdict.HashesChecked >= 2, verdict.Message);
        Assert.Equal(2, verdict.Start!.InputFields);
        Assert.Contains(-ReplayServer.TagInputs, StepValues(file, TagSchema.MoveY));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, frames.StatusCode);
        Assert.Equal("application/problem+json", frames.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Replays of tag can be verified and downloaded, not played in the page, which draws Arena's.", problem!.Detail);

        ReplayEntry arena = await ReplayServer.PlayOneAsync(server, client);
        using HttpResponseMessage arenaFrames = await client.GetAsync($"/replays/{arena.Id}/frames");
        Assert.Equal("arena", arena.Game);
        Assert.Equal(HttpStatusCode.OK, arenaFrames.StatusCode);
        Assert.NotEmpty(await arenaFrames.Content.ReadAsByteArrayAsync());
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
