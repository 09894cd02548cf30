namespace GameServer.Tests.Http;

/// <summary>
/// OpenTelemetry's exporter listens to every meter of the server's name in the process, so a test that counts a
/// server's series runs alone, after the parallel tests: another test's server alive meanwhile would show its series
/// too (seen as a tick histogram listed twice).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "Process metrics";
}
