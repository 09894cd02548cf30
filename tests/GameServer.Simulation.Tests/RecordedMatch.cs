using GameServer.Simulation.Replays;

namespace GameServer.Simulation.Tests;

/// <summary>
/// Plays a scripted Arena match and records it as the host does (joins, each Step's inputs before it runs, a hash every
/// 30 ticks, End); a tamper changes what is written, not what is played, as a bug or a corrupted disk would.
/// </summary>
internal static class RecordedMatch
{
    public const int HashInterval = 30;

    public static byte[] Record(int ticks, Func<uint, PlayerInput, PlayerInput>? tamper = null, int players = 3)
    {
        ArenaRules rules = Arena.QuietRules();
        var game = new ArenaGame(rules);
        var match = (Match)game.Create(4, 42, game.Settings);
        var encoder = new ReplayRecordEncoder();
        using var file = new MemoryStream();
        file.Write(ReplayFormat.Header);
        file.Write(encoder.Start(new ReplayStart(4, 42, game.Name, game.Settings, 1_700_000_000_000, 30, HashInterval)));
        for (int i = 1; i <= players; i++)
        {
            uint id = match.AddPlayer("p" + i);
            file.Write(encoder.Join(match.World.Tick, id, "p" + i));
        }

        var inputs = new PlayerInput[players];
        var written = new PlayerInput[players];
        for (uint tick = 1; tick <= ticks; tick++)
        {
            for (int i = 0; i < players; i++)
            {
                // Each player steers a slow circle of its own, so every tick's input moves it.
                double angle = (tick / 20.0) + i;
                inputs[i] = Arena.Input((uint)i + 1, tick, (int)(Math.Cos(angle) * 127), (int)(Math.Sin(angle) * 127), (ushort)(tick * 100));
                written[i] = tamper is null ? inputs[i] : tamper(tick, inputs[i]);
            }

            file.Write(encoder.Step(tick, written));
            match.Step(inputs);
            if (tick % HashInterval == 0)
            {
                file.Write(encoder.Hash(tick, match.World.ComputeHash()));
            }
        }

        file.Write(encoder.End(new ReplayEnd((uint)ticks, 1_700_000_060_000, ReplayEndReason.MatchEnded, players)));
        return file.ToArray();
    }
}
