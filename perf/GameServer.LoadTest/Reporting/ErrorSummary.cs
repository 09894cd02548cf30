namespace GameServer.LoadTest.Reporting;

/// <summary>Errors of the run, by kind, with the first message of each kind to say what happened.</summary>
public sealed class ErrorSummary
{
    public long Total { get; init; }

    public Dictionary<string, long> ByKind { get; init; } = [];

    public Dictionary<string, string> FirstMessages { get; init; } = [];
}
