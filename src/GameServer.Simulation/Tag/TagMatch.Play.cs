namespace GameServer.Simulation.Tag;

public sealed partial class TagMatch
{
    /// <summary>Folds this tick's valid inputs into each player's held movement, in the order given.</summary>
    private void ApplyInputs(ReadOnlySpan<PlayerInput> inputs)
    {
        foreach (ref readonly PlayerInput input in inputs)
        {
            int index = IndexOf(input.PlayerId);
            if (index < 0)
            {
                continue;
            }

            TagPlayer player = _players[index];
            if (input.Input.Sequence <= player.LastSequence)
            {
                continue;
            }

            player.LastSequence = input.Input.Sequence;
            player.MoveX = input.Input.Values[TagSchema.MoveX];
            player.MoveY = input.Input.Values[TagSchema.MoveY];
        }
    }

    /// <summary>
    /// Sets each velocity from the held movement (no inertia: a chase is about reading the other, not the controls) and
    /// moves by it, clamped to the field; an axis that hits an edge loses its velocity.
    /// </summary>
    private void MovePlayers()
    {
        int radius = _rules.PlayerRadius;
        foreach (TagPlayer player in _players)
        {
            // A diagonal is no faster than a straight line; the server already bounded each axis to the schema's range.
            int moveX = player.MoveX;
            int moveY = player.MoveY;
            FixedMath.ClampLength(ref moveX, ref moveY, Quantization.MaxMoveAxis);
            int speed = player.IsIt ? _rules.MaxSpeed : _rules.RunnerSpeed;
            player.Vx = moveX * speed / Quantization.MaxMoveAxis;
            player.Vy = moveY * speed / Quantization.MaxMoveAxis;

            int x = player.X + player.Vx;
            int y = player.Y + player.Vy;
            player.X = Math.Clamp(x, radius, TagRules.Width - 1 - radius);
            player.Y = Math.Clamp(y, radius, TagRules.Height - 1 - radius);
            if (player.X != x)
            {
                player.Vx = 0;
            }

            if (player.Y != y)
            {
                player.Vy = 0;
            }
        }
    }

    private void CountDownImmunity()
    {
        foreach (TagPlayer player in _players)
        {
            if (player.ImmuneTicks > 0)
            {
                player.ImmuneTicks--;
            }
        }
    }

    /// <summary>"It" tags the nearest player it touches who is not immune (the earlier joiner on a tie): one tag a tick.</summary>
    private void TagTouched()
    {
        TagPlayer? it = null;
        foreach (TagPlayer player in _players)
        {
            if (player.IsIt)
            {
                it = player;
                break;
            }
        }

        if (it is null)
        {
            return;
        }

        long reach = 2L * _rules.PlayerRadius;
        long nearest = (reach * reach) + 1;
        TagPlayer? tagged = null;
        foreach (TagPlayer player in _players)
        {
            if (player == it || player.ImmuneTicks > 0)
            {
                continue;
            }

            long distance = FixedMath.LengthSquared(player.X - it.X, player.Y - it.Y);
            if (distance < nearest)
            {
                nearest = distance;
                tagged = player;
            }
        }

        if (tagged is null)
        {
            return;
        }

        it.IsIt = false;
        it.Tags++;
        it.ImmuneTicks = _rules.ImmunityTicks;
        tagged.TimesTagged++;
        MakeIt(tagged);
        Emit(GameEventKind.Kill, it.Id, tagged.Id);
    }

    /// <summary>Every player not it gains a point per second of it; the feed hears of each new point.</summary>
    private void ScoreRunners()
    {
        foreach (TagPlayer player in _players)
        {
            if (player.IsIt)
            {
                continue;
            }

            player.FreeTicks++;
            int score = player.FreeTicks / _rules.TickRate;
            if (score != player.Score)
            {
                player.Score = score;
                Emit(GameEventKind.ScoreChanged, player.Id, 0, score);
            }
        }
    }

    /// <summary>Makes <paramref name="player"/> "it": it cannot be tagged, so any immunity it had is moot and cleared.</summary>
    private static void MakeIt(TagPlayer player)
    {
        player.IsIt = true;
        player.ImmuneTicks = 0;
    }

    /// <summary>Puts a player at rest at a seeded spot inside the field.</summary>
    private void PlaceAtSpawn(TagPlayer player)
    {
        int radius = _rules.PlayerRadius;
        player.X = radius + _prng.NextInt(TagRules.Width - (2 * radius));
        player.Y = radius + _prng.NextInt(TagRules.Height - (2 * radius));
        player.Vx = 0;
        player.Vy = 0;
    }
}
