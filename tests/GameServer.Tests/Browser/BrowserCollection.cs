namespace GameServer.Tests.Browser;

/// <summary>
/// The browser tests share one Chromium and run one at a time, after the parallel tests and alone: the machine's cores
/// are few, a page's timing suffers first under load, and a test that restarts a server on the same port needs no
/// other test's server to take that port in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
