namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <summary>Counts the players' timers down, respawns the dead whose delay is over, moves the living and fires.</summary>
    /// <param name="combat">Whether the match is running: timers, respawns and firing only happen then.</param>
    private void UpdatePlayers(bool combat)
    {
        for (int s = 0; s < _players.Count; s++)
        {
            PlayerSlot slot = _players[s];
            ref EntityState entity = ref _world.EntitiesMutable[_world.IndexOf(slot.Id)];
            if (combat && !UpdateTimers(slot, ref entity))
            {
                continue;
            }

            if ((entity.Flags & EntityFlags.Alive) == 0)
            {
                continue;
            }

            PlayerMotion.Steer(ref entity, slot.MoveX, slot.MoveY, _rules);
            PlayerMotion.Move(ref entity, _rules.PlayerRadius);
            entity.Aim = slot.Aim;

            if (combat && slot.FireRequested && slot.FireCooldown == 0)
            {
                // Fire appends to the world, which may move its storage: entity is not used after this call.
                Fire(slot, ref entity);
            }
        }
    }

    /// <returns>False when the player is dead or respawned this tick: it does nothing more this tick.</returns>
    private bool UpdateTimers(PlayerSlot slot, ref EntityState entity)
    {
        if ((entity.Flags & EntityFlags.Alive) == 0)
        {
            if (--slot.RespawnTicks <= 0)
            {
                Spawn(slot, ref entity, ChooseSpawnPoint(slot.Id));
            }

            return false;
        }

        if (slot.FireCooldown > 0)
        {
            slot.FireCooldown--;
        }

        if (slot.ProtectionTicks > 0 && --slot.ProtectionTicks == 0)
        {
            entity.Flags &= ~EntityFlags.SpawnProtected;
        }

        return true;
    }

    /// <summary>Shoots from the player's centre along its aim; shooting ends spawn protection, so it cannot be abused.</summary>
    private void Fire(PlayerSlot slot, ref EntityState shooter)
    {
        slot.FireCooldown = _rules.FireCooldownTicks;
        slot.ProtectionTicks = 0;
        shooter.Flags &= ~EntityFlags.SpawnProtected;

        var projectile = new EntityState
        {
            Id = _nextId++,
            Kind = EntityKind.Projectile,
            X = shooter.X,
            Y = shooter.Y,
            Vx = (int)((long)Trig.Cos(shooter.Aim) * _rules.ProjectileSpeed / Trig.One),
            Vy = (int)((long)Trig.Sin(shooter.Aim) * _rules.ProjectileSpeed / Trig.One),
            Aim = shooter.Aim,
            Aux = shooter.Id,
        };
        _world.Append(projectile);
        int rewind = RewindFor(slot.FireViewTick);
        if (rewind > 0)
        {
            _rewinds.Add(projectile.Id, rewind);
        }

        _projectileExpiries.Enqueue(new ProjectileExpiry(projectile.Id, _world.Tick + (uint)_rules.ProjectileLifetimeTicks));
    }

    /// <summary>Puts a player on the map alive with full health; protected from damage when the match is running.</summary>
    private void Spawn(PlayerSlot slot, ref EntityState entity, MapPoint point)
    {
        PlaceAtSpawn(ref entity, point);
        entity.Health = _rules.MaxHealth;
        entity.Flags = EntityFlags.Alive;
        slot.Life++;
        slot.RespawnTicks = 0;
        slot.FireCooldown = 0;
        slot.ProtectionTicks = 0;
        if (_world.Phase == MatchPhase.Running && _rules.SpawnProtectionTicks > 0)
        {
            entity.Flags |= EntityFlags.SpawnProtected;
            slot.ProtectionTicks = _rules.SpawnProtectionTicks;
        }
    }

    private static void PlaceAtSpawn(ref EntityState entity, MapPoint point)
    {
        entity.X = point.X;
        entity.Y = point.Y;
        entity.Vx = 0;
        entity.Vy = 0;
    }

    /// <summary>The spawn point farthest from every other living player; ties go to a seeded rotation so nobody camps a spot.</summary>
    private MapPoint ChooseSpawnPoint(uint playerId)
    {
        ReadOnlySpan<MapPoint> points = ArenaMap.SpawnPoints;
        int start = _prng.NextInt(points.Length);
        MapPoint best = points[start];
        long bestDistance = -1;
        for (int i = 0; i < points.Length; i++)
        {
            MapPoint point = points[(start + i) % points.Length];
            long nearest = long.MaxValue;
            foreach (ref readonly EntityState e in _world.Entities)
            {
                if (e.Kind == EntityKind.Player && e.Id != playerId && (e.Flags & EntityFlags.Alive) != 0)
                {
                    nearest = Math.Min(nearest, FixedMath.LengthSquared(e.X - point.X, e.Y - point.Y));
                }
            }

            if (nearest > bestDistance)
            {
                best = point;
                bestDistance = nearest;
            }
        }

        return best;
    }
}
