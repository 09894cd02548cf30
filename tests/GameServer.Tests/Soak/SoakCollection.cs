namespace GameServer.Tests.Soak;

/// <summary>
/// The soak measures the managed heap of the whole test process, so it runs alone, after the parallel tests: another
/// test's garbage would read as the server's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}
