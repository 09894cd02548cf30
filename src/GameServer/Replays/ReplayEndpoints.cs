using GameServer.Simulation;
using GameServer.Simulation.Replays;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GameServer.Replays;

/// <summary>The recorded matches over HTTP: the list, the files, and the frames the replay page plays.</summary>
public static class ReplayEndpoints
{
    public static void MapReplays(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/replays", (ReplayCatalog catalog) => TypedResults.Ok(catalog.List()));
        endpoints.MapGet("/replays/{id}", Results<PhysicalFileHttpResult, ProblemHttpResult> (string id, ReplayCatalog catalog) =>
            catalog.PathOf(id) is string path
                ? TypedResults.PhysicalFile(path, "application/octet-stream", id + ReplayCatalog.Extension)
                : NotFound(id));
        endpoints.MapGet("/replays/{id}/frames", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string id, ReplayCatalog catalog, IEnumerable<IReplayableGame> games, ReplayFrameGate gate, CancellationToken cancellationToken) =>
        {
            if (catalog.Find(id) is not ReplayEntry entry)
            {
                return NotFound(id);
            }

            byte[] file = await File.ReadAllBytesAsync(catalog.PathFor(entry.Id), cancellationToken);
            (byte[] frames, ReplayVerdict verdict) = await gate.RunAsync(() => ReplayFrames.Encode(file, [.. games]), cancellationToken);
            return verdict.Outcome == ReplayOutcome.Unreadable
                ? TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unreadable replay", detail: verdict.Message)
                : TypedResults.File(frames, "application/octet-stream");
        });
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such replay", detail: $"No replay has id {id}; GET /replays lists them.");
}
