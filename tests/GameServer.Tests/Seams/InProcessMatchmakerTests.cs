namespace GameServer.Tests.Seams;

/// <summary>The matchmaker's contract, held by the default single node: every placement is local.</summary>
public sealed class InProcessMatchmakerTests : MatchmakerContractTests
{
    protected override Task<TestServer> StartNodeAsync(IDictionary<string, string?> settings) => TestServer.StartAsync(settings);
}
