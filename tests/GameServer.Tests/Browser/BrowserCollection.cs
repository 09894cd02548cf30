namespace GameServer.Tests.Browser;

/// <summary>The browser tests share one Chromium and run one at a time: the machine's cores are few.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
