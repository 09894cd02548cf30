namespace GameServer.Simulation.Tag;

public sealed partial class TagMatch
{
    /// <summary>Moves the match along its lifecycle at the end of a step.</summary>
    private void AdvancePhase()
    {
        // As Arena: a match nobody plays in ends at once; one left alone keeps running, so a joiner can play on.
        LifecycleChange change = _lifecycle.Advance(_players.Count);
        if (change == LifecycleChange.Started)
        {
            StartRunning();
        }
        else if (change == LifecycleChange.Ended)
        {
            EndMatch();
        }
    }

    /// <summary>Everyone starts equal at a seeded spot; the PRNG picks "it", and the others are immune for a moment so it cannot tag where it stands.</summary>
    private void StartRunning()
    {
        foreach (TagPlayer player in _players)
        {
            PlaceAtSpawn(player);
            player.IsIt = false;
            player.Score = 0;
            player.FreeTicks = 0;
            player.Tags = 0;
            player.TimesTagged = 0;
            player.ImmuneTicks = _rules.ImmunityTicks;
        }

        MakeIt(_players[_prng.NextInt(_players.Count)]);
        Emit(GameEventKind.MatchStarted, 0);
    }

    /// <summary>Freezes the field for the final standings; "it" stays marked so the end screen shows who was caught.</summary>
    private void EndMatch()
    {
        foreach (TagPlayer player in _players)
        {
            player.Vx = 0;
            player.Vy = 0;
        }

        Emit(GameEventKind.MatchEnded, WinnerId());
    }

    /// <summary>The best-ranked player, 0 when there is none.</summary>
    private uint WinnerId()
    {
        uint bestId = 0;
        Standing best = default;
        foreach (TagPlayer player in _players)
        {
            Standing standing = player.ToStanding();
            if (bestId == 0 || StandingRanking.Ranks(standing, best))
            {
                best = standing;
                bestId = player.Id;
            }
        }

        return bestId;
    }
}
