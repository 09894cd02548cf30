namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <summary>Moves the match along its lifecycle at the end of a step, keeping <see cref="WorldState.PhaseTicksLeft"/> current.</summary>
    private void AdvancePhase()
    {
        switch (_world.Phase)
        {
            case MatchPhase.Waiting:
                if (_players.Count >= _rules.MinPlayersToStart)
                {
                    StartCountdown();
                }

                break;
            case MatchPhase.Countdown:
                if (_players.Count < _rules.MinPlayersToStart)
                {
                    _world.Phase = MatchPhase.Waiting;
                    _world.PhaseTicksLeft = 0;
                }
                else if (--_world.PhaseTicksLeft == 0)
                {
                    StartRunning();
                }

                break;
            case MatchPhase.Running:
                // A match nobody plays in ends at once rather than holding the host's resources until the time limit.
                bool timeUp = _rules.TimeLimitTicks > 0 && --_world.PhaseTicksLeft == 0;
                if (timeUp || _scoreLimitReached || _players.Count == 0)
                {
                    EndMatch();
                }

                break;
            case MatchPhase.Ended:
                if (--_world.PhaseTicksLeft == 0)
                {
                    IsClosed = true;
                }

                break;
        }
    }

    private void StartCountdown()
    {
        if (_rules.CountdownTicks == 0)
        {
            StartRunning();
            return;
        }

        _world.Phase = MatchPhase.Countdown;
        _world.PhaseTicksLeft = (uint)_rules.CountdownTicks;
    }

    /// <summary>Everyone starts equal: scores and counters reset, every player respawned and protected.</summary>
    private void StartRunning()
    {
        _world.Phase = MatchPhase.Running;
        _world.PhaseTicksLeft = (uint)_rules.TimeLimitTicks;
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
        _world.Phase = MatchPhase.Ended;
        _world.PhaseTicksLeft = (uint)_rules.EndedTicks;

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
        if (_rules.EndedTicks == 0)
        {
            IsClosed = true;
        }
    }
}
