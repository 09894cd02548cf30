using GameServer.Matches;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GameServer.Http;

/// <summary>The read-only HTTP API over live matches.</summary>
public static class MatchEndpoints
{
    public static void MapMatchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/matches", (IMatchmaker matchmaker) => TypedResults.Ok(matchmaker.Matches.Select(m => m.Summary)));
        endpoints.MapGet("/matches/{id}", Results<Ok<MatchSummary>, ProblemHttpResult> (uint id, IMatchmaker matchmaker) =>
            matchmaker.Find(id) is MatchHost match
                ? TypedResults.Ok(match.Summary)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such match", detail: $"No live match has id {id}."));
    }
}
