namespace GameServer.Tests.Spectators;

/// <summary>One block of an SSE stream (the lines up to a blank line), with its fields as the client parsed them.</summary>
public sealed record SseMessage(IReadOnlyList<string> Lines, string? Event, string? Data, string? Id, long? Retry, string? Comment)
{
    /// <summary>The id as a number; every event from the log has one.</summary>
    public long IdValue => long.Parse(Id ?? throw new InvalidOperationException($"The event has no id: {string.Join(" | ", Lines)}"), System.Globalization.CultureInfo.InvariantCulture);

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Data ?? "null").RootElement;
}
