namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <summary>The longest distance along an axis a projectile moves between two collision checks.</summary>
    /// <remarks>Well under both a player's diameter and the thinnest wall, so fast projectiles do not tunnel.</remarks>
    internal const int ProjectileSubstep = 16 * Quantization.PositionScale;

    private readonly Queue<ProjectileExpiry> _projectileExpiries = new();
    private readonly List<int> _removals = [];
    private HitTarget[] _targets = new HitTarget[16];
    private int _targetCount;

    /// <summary>Removes projectiles whose lifetime is over (those already gone hit something).</summary>
    private void ExpireProjectiles()
    {
        while (_projectileExpiries.TryPeek(out ProjectileExpiry expiry) && expiry.Tick <= _world.Tick)
        {
            _projectileExpiries.Dequeue();
            _world.Remove(expiry.Id);
        }
    }

    /// <summary>Moves every projectile in sub-steps; the first wall or enemy it meets removes it.</summary>
    private void UpdateProjectiles()
    {
        GatherTargets();
        Span<EntityState> entities = _world.EntitiesMutable;
        _removals.Clear();
        for (int i = 0; i < entities.Length; i++)
        {
            if (entities[i].Kind == EntityKind.Projectile && !AdvanceProjectile(ref entities[i], entities))
            {
                _removals.Add(i);
            }
        }

        RemoveMarked();
    }

    /// <returns>False when the projectile hit a wall or a player and must go.</returns>
    private bool AdvanceProjectile(ref EntityState projectile, Span<EntityState> entities)
    {
        int x0 = projectile.X;
        int y0 = projectile.Y;
        int vx = projectile.Vx;
        int vy = projectile.Vy;
        int steps = Math.Max(1, (Math.Max(Math.Abs(vx), Math.Abs(vy)) + ProjectileSubstep - 1) / ProjectileSubstep);
        int reach = _rules.PlayerRadius + _rules.ProjectileRadius;
        long reachSquared = (long)reach * reach;
        for (int k = 1; k <= steps; k++)
        {
            int x = x0 + (vx * k / steps);
            int y = y0 + (vy * k / steps);
            if (ArenaMap.IsBlocked(x, y, _rules.ProjectileRadius) || x < 0 || y < 0 || x >= ArenaMap.Width || y >= ArenaMap.Height)
            {
                return false;
            }

            for (int t = 0; t < _targetCount; t++)
            {
                ref readonly HitTarget target = ref _targets[t];
                if (target.Id == projectile.Aux || FixedMath.LengthSquared(x - target.X, y - target.Y) > reachSquared)
                {
                    continue;
                }

                ref EntityState victim = ref entities[target.Index];
                if ((victim.Flags & EntityFlags.Alive) != 0)
                {
                    Hit(projectile.Aux, ref victim);
                    return false;
                }
            }
        }

        projectile.X = x0 + vx;
        projectile.Y = y0 + vy;
        return true;
    }

    /// <summary>Collects the living players once per tick, so each projectile scans players only, not the whole world.</summary>
    private void GatherTargets()
    {
        if (_targets.Length < _players.Count)
        {
            Array.Resize(ref _targets, Math.Max(_players.Count, _targets.Length * 2));
        }

        _targetCount = 0;
        ReadOnlySpan<EntityState> entities = _world.Entities;
        for (int i = 0; i < entities.Length; i++)
        {
            ref readonly EntityState e = ref entities[i];
            if (e.Kind == EntityKind.Player && (e.Flags & EntityFlags.Alive) != 0)
            {
                _targets[_targetCount++] = new HitTarget(i, e.Id, e.X, e.Y);
            }
        }
    }

    /// <summary>Removes the entities at the indices in <see cref="_removals"/> (ascending), last first so the others stay valid.</summary>
    private void RemoveMarked()
    {
        for (int i = _removals.Count - 1; i >= 0; i--)
        {
            _world.RemoveAt(_removals[i]);
        }

        _removals.Clear();
    }
}
