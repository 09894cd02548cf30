using System.Buffers;
using GameServer.Protocol.Tests;
using GameServer.Protocol.Tests.Fuzzing;
using GameServer.Protocol.Tests.Schema;
using SharpFuzz;

namespace GameServer.Fuzz;

/// <summary>
/// With no arguments, afl-fuzz's target (started by perf/fuzz.sh as <c>dotnet GameServer.Fuzz.dll</c>); with
/// <c>seeds DIR</c>, writes protocol.md's and docs/netcode-v2.md's vectors to DIR as files; with <c>replay PATH...</c>, runs files or folders
/// of inputs and prints what each throws, to triage afl-fuzz's crashes and to check the committed corpus.
/// </summary>
internal static class FuzzProgram
{
    private static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "seeds")
        {
            return WriteSeeds(args[1]);
        }

        if (args.Length >= 2 && args[0] == "replay")
        {
            return Replay(args[1..]);
        }

        if (args.Length != 0)
        {
            Console.Error.WriteLine("Usage: GameServer.Fuzz [seeds DIR | replay PATH...]; no arguments runs under afl-fuzz.");
            return 2;
        }

        // Built on the first input, inside the child process: instrumented code must not run before SharpFuzz has
        // attached afl-fuzz's shared memory, and the parent process never runs an input at all.
        FrameTarget? target = null;
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            target ??= FrameTarget.FromProtocolDocument();
            target.Run(new ReadOnlySequence<byte>(input.GetBuffer(), 0, (int)input.Length));
        });
        return 0;
    }

    private static int WriteSeeds(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach ((string name, byte[] bytes) in ProtocolDocument.Vectors.Concat(NetcodeV2Document.Vectors))
        {
            File.WriteAllBytes(Path.Combine(directory, name + ".bin"), bytes);
        }

        Console.WriteLine($"Wrote {ProtocolDocument.Vectors.Count + NetcodeV2Document.Vectors.Count} vectors of protocol.md and docs/netcode-v2.md to {directory}.");
        return 0;
    }

    private static int Replay(string[] paths)
    {
        FrameTarget target = FrameTarget.FromProtocolDocument();
        int inputs = 0;
        int failures = 0;
        foreach (string path in paths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(file => !file.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                : [path];
            foreach (string file in files)
            {
                inputs++;
                try
                {
                    target.Run(new ReadOnlySequence<byte>(File.ReadAllBytes(file)));
                }
                catch (Exception ex)
                {
                    failures++;
                    Console.WriteLine($"FAIL {file}{Environment.NewLine}{ex}");
                }
            }
        }

        Console.WriteLine($"Replayed {inputs} inputs: {failures} threw.");
        return failures == 0 ? 0 : 1;
    }
}
