namespace GameServer.Arena.Wire;

/// <summary>What a pickup gives (the <see cref="EntityState.Aux"/> of a pickup).</summary>
public enum PickupKind : byte
{
    Health = 1,
    ScoreOrb = 2,
}
