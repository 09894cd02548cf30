using GameServer.Arena.Wire;

namespace GameServer.Protocol.Tests;

/// <summary>The worlds that protocol.md's snapshot and delta vectors describe.</summary>
internal static class SampleWorlds
{
    public static readonly ResumeToken Token = new(0x0011223344556677, 0x8899aabbccddeeff);

    public static WorldState AtTick1000()
    {
        var world = new WorldState { Tick = 1000, Phase = MatchPhase.Running, PhaseTicksLeft = 9000 };
        world.Append(new EntityState
        {
            Id = 3, Kind = EntityKind.Player, Name = "Ada", X = 16000, Y = 9600, Aim = 16384, Health = 100, Score = 5,
            Flags = EntityFlags.Alive, LastInputSequence = 41,
        });
        world.Append(new EntityState { Id = 9, Kind = EntityKind.Pickup, X = 3200, Y = 4800, Aux = (uint)PickupKind.ScoreOrb });
        return world;
    }

    public static WorldState AtTick1001()
    {
        WorldState world = AtTick1000();
        world.Tick = 1001;
        world.PhaseTicksLeft = 8999;
        ref EntityState ada = ref world.Get(3);
        ada.X = 16040;
        ada.Vx = 40;
        ada.Score = 10;
        ada.LastInputSequence = 42;
        world.Remove(9);
        world.Append(new EntityState { Id = 12, Kind = EntityKind.Projectile, X = 16100, Y = 9600, Vx = 300, Aux = 3 });
        return world;
    }
}
