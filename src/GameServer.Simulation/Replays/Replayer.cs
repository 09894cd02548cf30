namespace GameServer.Simulation.Replays;

/// <summary>
/// Rebuilds a recorded match and makes the same calls the server made, in the same order (joins, leaves, steps with
/// their inputs), checking the world's hash wherever the recording has one. Stops at the first difference.
/// </summary>
public static class Replayer
{
    /// <param name="file">The whole replay file.</param>
    /// <param name="games">The games it may be of.</param>
    /// <param name="stepped">Called after each replayed Step with the simulation (a page's frames are encoded there).</param>
    /// <param name="created">Called once the match is rebuilt, before any record is replayed into it.</param>
    public static ReplayVerdict Run(
        ReadOnlyMemory<byte> file, IReadOnlyList<IReplayableGame> games, Action<IMatchSimulation>? stepped = null, Action<ReplayStart, IMatchSimulation>? created = null)
    {
        ReplayStart? start = null;
        try
        {
            var reader = new ReplayReader(file);
            reader.TryRead(out ReplayRecord first);
            start = first.Start!;
            IMatchSimulation match = Create(start, games);
            created?.Invoke(start, match);
            return Play(reader, match, stepped) with { Start = start };
        }
        catch (ReplayFormatException exception)
        {
            return new ReplayVerdict(ReplayOutcome.Unreadable, 0, 0, exception.Message) { Start = start };
        }
    }

    private static IMatchSimulation Create(ReplayStart start, IReadOnlyList<IReplayableGame> games)
    {
        foreach (IReplayableGame game in games)
        {
            if (game.Name == start.Game)
            {
                IMatchSimulation match;
                try
                {
                    match = game.Create(start.MatchId, start.Seed, start.Settings);
                }
                catch (ArgumentException exception)
                {
                    throw new ReplayFormatException($"Record 1 (Start): the {start.Game} settings are rejected: {exception.Message}");
                }

                // Values the game would not read, or a value it reads missing: the file is not of this game's inputs.
                int inputFields = match.Schema.Input.Count;
                return inputFields == start.InputFields
                    ? match
                    : throw new ReplayFormatException($"Record 1 (Start): the recording has {start.InputFields} values per input; {start.Game}'s inputs have {inputFields}.");
            }
        }

        throw new ReplayFormatException($"Record 1 (Start): the game \"{start.Game}\" is not one this build has ({string.Join(", ", games.Select(g => g.Name))}).");
    }

    private static ReplayVerdict Play(ReplayReader reader, IMatchSimulation match, Action<IMatchSimulation>? stepped)
    {
        int hashes = 0;
        while (reader.TryRead(out ReplayRecord record))
        {
            uint tick = match.Tick;
            try
            {
                switch (record.Kind)
                {
                    case ReplayRecordKind.Join:
                        uint id = match.AddPlayer(record.Name!);
                        if (id != record.PlayerId)
                        {
                            return Diverged(tick, hashes, $"{record.Name} joined as player {id}, recorded as {record.PlayerId}");
                        }

                        break;
                    case ReplayRecordKind.Leave:
                        match.RemovePlayer(record.PlayerId);
                        break;
                    case ReplayRecordKind.Step:
                        match.Step(record.Inputs.Span);
                        match.ClearEvents();
                        if (match.Tick != record.Tick)
                        {
                            return Diverged(match.Tick, hashes, $"the step made tick {match.Tick}, recorded as {record.Tick}");
                        }

                        stepped?.Invoke(match);
                        break;
                    case ReplayRecordKind.Hash:
                        ulong actual = match.ComputeHash();
                        if (record.Tick != tick || actual != record.Hash)
                        {
                            return Diverged(record.Tick, hashes, $"hash {actual:x16} at tick {tick}, recorded {record.Hash:x16} at tick {record.Tick}");
                        }

                        hashes++;
                        break;
                    case ReplayRecordKind.End:
                        string stopped = record.End.Reason == ReplayEndReason.SizeLimit ? " (the recording stopped at its size bound)" : "";
                        return new ReplayVerdict(ReplayOutcome.Ok, tick, hashes, $"OK: {tick} ticks replayed, {hashes} hashes match{stopped}.");
                }
            }
            catch (Exception exception) when (exception is not ReplayFormatException)
            {
                // A step fails making its tick; a join or a leave at the tick the world is at.
                uint failed = record.Kind == ReplayRecordKind.Step ? record.Tick : tick;
                return new ReplayVerdict(ReplayOutcome.Failed, failed, hashes, $"FAILED at tick {failed}: the simulation threw {exception.GetType().Name}: {exception.Message}");
            }
        }

        throw new InvalidOperationException("The reader returned no End record.");
    }

    private static ReplayVerdict Diverged(uint tick, int hashes, string what) =>
        new(ReplayOutcome.Mismatch, tick, hashes, $"MISMATCH at tick {tick}: {what}.");
}
