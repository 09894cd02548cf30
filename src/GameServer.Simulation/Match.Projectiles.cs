namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <summary>The longest distance along an axis a projectile moves between two collision checks.</summary>
    /// <remarks>Well under both a player's diameter and the thinnest wall, so fast projectiles do not tunnel.</remarks>
    internal const int ProjectileSubstep = 16 * Quantization.PositionScale;

    private readonly Queue<ProjectileExpiry> _projectileExpiries = new();
    private readonly List<int> _removals = [];
    private readonly TargetHistory _targets;

    /// <summary>
    /// Each lag-compensated projectile's rewind: how many ticks before the present it is checked against the players.
    /// Kept out of <see cref="EntityState"/> (wire state); a projectile without an entry is judged at the present.
    /// </summary>
    private readonly Dictionary<uint, int> _rewinds = [];

    /// <summary>Removes projectiles whose lifetime is over (those already gone hit something).</summary>
    private void ExpireProjectiles()
    {
        while (_projectileExpiries.TryPeek(out ProjectileExpiry expiry) && expiry.Tick <= _world.Tick)
        {
            _projectileExpiries.Dequeue();
            _world.Remove(expiry.Id);
            _rewinds.Remove(expiry.Id);
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
                _rewinds.Remove(entities[i].Id);
            }
        }

        RemoveMarked();
    }

    /// <returns>False when the projectile hit a wall or a player and must go.</returns>
    /// <remarks>
    /// A lag-compensated projectile meets the players as they were its rewind ticks ago, as its shooter saw them; the
    /// walls do not move, so it stops at a wall between it and a rewound target as it would in the present.
    /// </remarks>
    private bool AdvanceProjectile(ref EntityState projectile, Span<EntityState> entities)
    {
        int x0 = projectile.X;
        int y0 = projectile.Y;
        int vx = projectile.Vx;
        int vy = projectile.Vy;
        int steps = Math.Max(1, (Math.Max(Math.Abs(vx), Math.Abs(vy)) + ProjectileSubstep - 1) / ProjectileSubstep);
        int reach = _rules.PlayerRadius + _rules.ProjectileRadius;
        long reachSquared = (long)reach * reach;
        ReadOnlySpan<HitTarget> targets = _targets.At(_rewinds.GetValueOrDefault(projectile.Id));
        for (int k = 1; k <= steps; k++)
        {
            int x = x0 + (vx * k / steps);
            int y = y0 + (vy * k / steps);
            if (ArenaMap.IsBlocked(x, y, _rules.ProjectileRadius) || x < 0 || y < 0 || x >= ArenaMap.Width || y >= ArenaMap.Height)
            {
                return false;
            }

            foreach (ref readonly HitTarget target in targets)
            {
                if (target.Id == projectile.Aux || FixedMath.LengthSquared(x - target.X, y - target.Y) > reachSquared)
                {
                    continue;
                }

                int victimIndex = PresentIndexOf(target);
                if (victimIndex >= 0)
                {
                    Hit(projectile.Aux, ref entities[victimIndex]);
                    return false;
                }
            }
        }

        projectile.X = x0 + vx;
        projectile.Y = y0 + vy;
        return true;
    }

    /// <summary>
    /// The world index of a target still alive in the same life (not since killed, by this tick's projectiles either,
    /// nor killed and respawned); -1 otherwise: a rewound shot never damages the dead or a later life.
    /// </summary>
    private int PresentIndexOf(in HitTarget target)
    {
        ReadOnlySpan<HitTarget> present = _targets.Present;
        int lo = 0;
        int hi = present.Length - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            ref readonly HitTarget now = ref present[mid];
            if (now.Id == target.Id)
            {
                bool sameLife = now.Life == target.Life && (_world.Entities[now.Index].Flags & EntityFlags.Alive) != 0;
                return sameLife ? now.Index : -1;
            }

            if (now.Id < target.Id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Records the living players once per tick into the history's present frame, so each projectile scans players
    /// only, not the whole world, and later ticks can judge shots against this one.
    /// </summary>
    private void GatherTargets()
    {
        HitTarget[] frame = _targets.Begin(_world.Tick, _players.Count);
        int count = 0;
        int slot = 0;
        ReadOnlySpan<EntityState> entities = _world.Entities;
        for (int i = 0; i < entities.Length; i++)
        {
            ref readonly EntityState e = ref entities[i];
            if (e.Kind != EntityKind.Player)
            {
                continue;
            }

            // The world and the slots are both in id order, one slot per player entity: they walk in step.
            PlayerSlot player = _players[slot++];
            if ((e.Flags & EntityFlags.Alive) != 0)
            {
                frame[count++] = new HitTarget(i, e.Id, e.X, e.Y, player.Life);
            }
        }

        _targets.Commit(count);
    }

    /// <summary>
    /// How many ticks before the present a shot fired now with this view is judged at: the ticks the view is behind,
    /// at most the bound and the history there is; 0 for no view or one ahead of the server.
    /// </summary>
    private int RewindFor(uint viewTick)
    {
        uint tick = _world.Tick;
        if (viewTick == 0 || viewTick >= tick)
        {
            return 0;
        }

        return (int)Math.Min(tick - viewTick, (uint)_targets.Reach(tick));
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
