using GameServer.Simulation.Replays;

namespace GameServer.Replays;

/// <summary>
/// <c>dotnet run --project src/GameServer -- replay verify FILE</c>: re-simulates a replay file and prints OK with the
/// ticks replayed, or the first tick whose hash differs. Exit code 0 (ok), 1 (mismatch or the simulation threw), 2 (unreadable).
/// </summary>
public static class ReplayTool
{
    public const string Command = "replay";

    public static int Run(string[] args)
    {
        if (args is not ["verify", string path])
        {
            Console.Error.WriteLine("Usage: replay verify FILE");
            return 2;
        }

        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"UNREADABLE: {path}: {exception.Message}");
            return 2;
        }

        ReplayVerdict verdict = Replayer.Run(file, ReplayGames.Builtin);
        switch (verdict.Outcome)
        {
            case ReplayOutcome.Ok:
                Console.WriteLine(verdict.Message);
                return 0;
            case ReplayOutcome.Unreadable:
                Console.Error.WriteLine($"UNREADABLE: {path}: {verdict.Message}");
                return 2;
            default:
                Console.Error.WriteLine(verdict.Message);
                return 1;
        }
    }
}
