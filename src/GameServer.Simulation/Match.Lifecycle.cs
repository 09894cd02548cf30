namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <summary>Moves the match along its lifecycle at the end of a step; the world shows its phase and ticks left.</summary>
    private void AdvancePhase()
    {
        LifecycleChange change = _lifecycle.Advance(_players.Count, endNow: _scoreLimitReached);
        _world.Phase = _lifecycle.Phase;
        _world.PhaseTicksLeft = _lifecycle.PhaseTicksLeft;
        if (change == LifecycleChange.Started)
        {
            StartRunning();
        }
        else if (change == LifecycleChange.Ended)
        {
            EndMatch();
        }
    }

    /// <summary>Everyone starts equal: scores and counters reset, every player respawned and protected.</summary>
    private void StartRunning()
    {
        _scoreLimitReached = false;
        _pickupSpawnTicks = _rules.PickupSpawnIntervalTicks;

        // Spread players over the spawn points from a seeded offset rather than piling them onto the farthest one.
        ReadOnlySpan<MapPoint> points = ArenaMap.SpawnPoints;
        int offset = _prng.NextInt(points.Length);
        for (int s = 0; s < _players.Count; s++)
        {
            PlayerSlot slot = _players[s];
            ref EntityState entity = ref _world.Get(slot.Id);
            entity.Score = 0;
            entity.Aux = 0;
            slot.Deaths = 0;
            Spawn(slot, ref entity, points[(offset + s) % points.Length]);
        }

        Emit(GameEventKind.MatchStarted, 0);
    }

    /// <summary>Freezes the arena for the final standings: projectiles vanish, players stop, nothing more scores.</summary>
    private void EndMatch()
    {
        for (int i = _world.Count - 1; i >= 0; i--)
        {
            ref EntityState e = ref _world.EntitiesMutable[i];
            if (e.Kind == EntityKind.Projectile)
            {
                _world.RemoveAt(i);
            }
            else
            {
                e.Vx = 0;
                e.Vy = 0;
            }
        }

        _projectileExpiries.Clear();
        _rewinds.Clear();
        Emit(GameEventKind.MatchEnded, WinnerId());
    }
}
