using GameServer.Matches;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GameServer.Http;

/// <summary>The read-only HTTP API over live matches.</summary>
public static class MatchEndpoints
{
    public static void MapMatchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/matches", async (IMatchDirectory directory, CancellationToken cancellationToken) =>
            TypedResults.Ok((await directory.ListAsync(cancellationToken)).Select(m => m.Summary)));
        endpoints.MapGet("/matches/{id}", async Task<Results<Ok<MatchSummary>, ProblemHttpResult>> (uint id, IMatchDirectory directory, CancellationToken cancellationToken) =>
            await directory.FindAsync(id, cancellationToken) is MatchListing match
                ? TypedResults.Ok(match.Summary)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such match", detail: $"No live match has id {id}."));
    }
}
