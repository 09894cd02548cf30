namespace GameServer.Simulation;

public sealed partial class Match
{
    private bool _scoreLimitReached;

    /// <summary>A projectile of <paramref name="ownerId"/> hit a living player: damage, unless spawn protection absorbs it.</summary>
    private void Hit(uint ownerId, ref EntityState victim)
    {
        if ((victim.Flags & EntityFlags.SpawnProtected) != 0)
        {
            return;
        }

        victim.Health -= _rules.ProjectileDamage;
        if (victim.Health <= 0)
        {
            Kill(ownerId, ref victim);
        }
    }

    /// <summary>
    /// The victim dies where it stands and waits to respawn. The killer scores if still in the match; the
    /// projectile of a player who left kills in the arena's name (Kill subject 0).
    /// </summary>
    private void Kill(uint ownerId, ref EntityState victim)
    {
        victim.Health = 0;
        victim.Flags = EntityFlags.None;
        victim.Vx = 0;
        victim.Vy = 0;

        PlayerSlot slot = _players[FindSlotIndex(victim.Id)];
        slot.Deaths++;
        slot.RespawnTicks = _rules.RespawnDelayTicks;
        slot.ProtectionTicks = 0;
        slot.ClearInput();

        int killerIndex = _world.IndexOf(ownerId);
        if (killerIndex < 0)
        {
            Emit(GameEventKind.Kill, 0, victim.Id);
            return;
        }

        ref EntityState killer = ref _world.EntitiesMutable[killerIndex];
        killer.Aux++;
        Emit(GameEventKind.Kill, killer.Id, victim.Id);
        AddScore(ref killer, _rules.KillScore);
    }

    private void AddScore(ref EntityState player, int points)
    {
        if (points == 0)
        {
            return;
        }

        player.Score += points;
        Emit(GameEventKind.ScoreChanged, player.Id, 0, player.Score);
        if (_rules.ScoreLimit > 0 && player.Score >= _rules.ScoreLimit)
        {
            _scoreLimitReached = true;
        }
    }
}
