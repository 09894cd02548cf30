using GameServer.Protocol;
using GameServer.Simulation;

namespace GameServer.Client.Tests;

/// <summary>The SDK's options for Arena: on protocol 2 the schema world is copied into the Arena-shaped world, inputs into the schema's values.</summary>
internal static class ArenaClient
{
    public static GameClientOptions Options(int version = ProtocolConstants.Version2) => new()
    {
        ProtocolVersion = version,
        SchemaToWorld = ArenaStateAdapter.ToArena,
        InputToValues = ArenaSchema.FromInput,
    };
}
