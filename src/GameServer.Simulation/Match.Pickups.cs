namespace GameServer.Simulation;

public sealed partial class Match
{
    /// <inheritdoc/>
    public string? ItemName(int kind) => (PickupKind)kind switch
    {
        PickupKind.Health => "health",
        PickupKind.ScoreOrb => "scoreOrb",
        _ => null,
    };

    /// <summary>Seeded tries to find a clear spot for a pickup before giving up until the next interval.</summary>
    private const int PickupPlacementAttempts = 16;

    private int _pickupCount;
    private int _pickupSpawnTicks;

    /// <summary>Lets living players collect pickups they touch, then spawns one when the interval is over.</summary>
    /// <remarks>
    /// A health pickup is only taken by a damaged player, so a healthy one does not waste it by walking over it;
    /// a score orb is always taken. When two players touch a pickup in the same tick the lower id takes it.
    /// </remarks>
    private void UpdatePickups()
    {
        if (_pickupCount > 0)
        {
            CollectPickups();
        }

        if (--_pickupSpawnTicks <= 0)
        {
            _pickupSpawnTicks = _rules.PickupSpawnIntervalTicks;
            if (_pickupCount < _rules.MaxPickups)
            {
                TrySpawnPickup();
            }
        }
    }

    private void CollectPickups()
    {
        // Projectiles removed this tick moved the players' indices: gather them again.
        GatherTargets();
        Span<EntityState> entities = _world.EntitiesMutable;
        int reach = _rules.PlayerRadius + _rules.PickupRadius;
        long reachSquared = (long)reach * reach;
        _removals.Clear();
        for (int i = 0; i < entities.Length; i++)
        {
            ref EntityState pickup = ref entities[i];
            if (pickup.Kind != EntityKind.Pickup)
            {
                continue;
            }

            foreach (ref readonly HitTarget target in _targets.Present)
            {
                ref EntityState player = ref entities[target.Index];
                if ((player.Flags & EntityFlags.Alive) != 0 &&
                    FixedMath.LengthSquared(player.X - pickup.X, player.Y - pickup.Y) <= reachSquared &&
                    TryCollect(ref player, (PickupKind)pickup.Aux))
                {
                    _removals.Add(i);
                    break;
                }
            }
        }

        _pickupCount -= _removals.Count;
        RemoveMarked();
    }

    private bool TryCollect(ref EntityState player, PickupKind kind)
    {
        if (kind == PickupKind.Health)
        {
            if (player.Health >= _rules.MaxHealth)
            {
                return false;
            }

            player.Health = Math.Min(_rules.MaxHealth, player.Health + _rules.HealthPickupAmount);
            Emit(GameEventKind.Pickup, player.Id, 0, (int)kind);
            return true;
        }

        Emit(GameEventKind.Pickup, player.Id, 0, (int)kind);
        AddScore(ref player, _rules.OrbScore);
        return true;
    }

    private void TrySpawnPickup()
    {
        int margin = ArenaMap.BorderThickness + _rules.PickupRadius;
        for (int attempt = 0; attempt < PickupPlacementAttempts; attempt++)
        {
            int x = margin + _prng.NextInt(ArenaMap.Width - (2 * margin));
            int y = margin + _prng.NextInt(ArenaMap.Height - (2 * margin));
            if (!ArenaMap.IsBlocked(x, y, _rules.PickupRadius))
            {
                SpawnPickup(_prng.NextInt(2) == 0 ? PickupKind.Health : PickupKind.ScoreOrb, x, y);
                return;
            }
        }
    }

    /// <summary>Puts a pickup on the map; internal so tests can place one where they need it.</summary>
    internal uint SpawnPickup(PickupKind kind, int x, int y)
    {
        uint id = _nextId++;
        _world.Append(new EntityState { Id = id, Kind = EntityKind.Pickup, X = x, Y = y, Aux = (uint)kind });
        _pickupCount++;
        return id;
    }
}
