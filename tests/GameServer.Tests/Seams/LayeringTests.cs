using System.Reflection;
using GameServer.Simulation;

namespace GameServer.Tests.Seams;

/// <summary>
/// The host serves any game without naming one: protocol v1's Arena types live in their own assembly, which only the
/// games (and v1 clients) use. The compiler references an assembly only when code names one of its types, so these
/// fail as soon as the host or the generic wire uses an Arena wire type.
/// </summary>
public sealed class LayeringTests
{
    private const string ArenaWire = "GameServer.Arena.Wire";

    [Fact]
    public void Host_NamesNoArenaWireType()
    {
        Assert.DoesNotContain(ArenaWire, ReferencedNames(typeof(GameServerApp).Assembly));
    }

    [Fact]
    public void Protocol_NamesNoArenaWireType_AndArenaWireBuildsOnIt()
    {
        Assembly protocol = typeof(Protocol.ProtocolConstants).Assembly;
        Assembly arenaWire = typeof(Arena.Wire.WorldState).Assembly;

        Assert.Equal(ArenaWire, arenaWire.GetName().Name);
        Assert.DoesNotContain(ArenaWire, ReferencedNames(protocol));
        Assert.Contains(protocol.GetName().Name, ReferencedNames(arenaWire));
        Assert.Contains(ArenaWire, ReferencedNames(typeof(IMatchSimulation).Assembly));
    }

    private static string?[] ReferencedNames(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(name => name.Name)];
}
