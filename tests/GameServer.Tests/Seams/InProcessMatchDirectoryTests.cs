using GameServer.Matches;

namespace GameServer.Tests.Seams;

/// <summary>The directory's contract, held by the default single node: every match is its own.</summary>
public sealed class InProcessMatchDirectoryTests : MatchDirectoryContractTests
{
    protected override NodeAddress ThisNode => NodeAddress.Local;

    protected override Task<TestServer> StartNodeAsync(IDictionary<string, string?> settings) => TestServer.StartAsync(settings);
}
