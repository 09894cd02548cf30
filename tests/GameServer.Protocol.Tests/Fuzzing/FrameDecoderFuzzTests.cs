using System.Buffers;

namespace GameServer.Protocol.Tests.Fuzzing;

/// <summary>
/// The CI half of the fuzzing (perf/fuzz.sh is the afl-fuzz half): the committed corpus, protocol.md's vectors, every
/// truncation, split and single-byte change of them, and seeded random havoc, through both readers with the same
/// <see cref="FrameTarget"/> the harness runs. No exception may escape and no decoded world may break an invariant.
/// </summary>
public sealed class FrameDecoderFuzzTests
{
    // About a second on this machine; the count, not a clock, bounds the test so that every run explores the same inputs.
    private const int RandomMutations = 50_000;

    // protocol.md's vectors and docs/netcode-v2.md's (v2 state frames), the seeds of every mutation below.
    private static readonly IReadOnlyDictionary<string, byte[]> s_vectors =
        ProtocolDocument.Vectors.Concat(Schema.NetcodeV2Document.Vectors).ToDictionary(pair => pair.Key, pair => pair.Value);

    private readonly FrameTarget _target = FrameTarget.FromProtocolDocument();
    private readonly List<string> _failures = [];

    [Fact]
    public void CommittedCorpus_EveryInput_NeverThrows()
    {
        IReadOnlyList<(string Name, byte[] Bytes)> inputs = FuzzCorpus.LoadInputs();
        Assert.True(inputs.Count >= ProtocolDocument.Vectors.Count, $"The corpus holds only {inputs.Count} inputs.");
        foreach ((string name, byte[] bytes) in inputs)
        {
            Feed(name, bytes);
            if (bytes.Length > 1)
            {
                Feed(name + " (1-byte segments)", Segments.Split(bytes, 1), bytes);
            }
        }

        AssertNoFailures();
    }

    [Fact]
    public void Vectors_EveryTruncationAndSplit_NeverThrows()
    {
        foreach ((string name, byte[] vector) in s_vectors)
        {
            for (int length = 0; length <= vector.Length; length++)
            {
                Feed($"{name}[..{length}]", vector[..length]);
            }

            for (int segment = 1; segment < vector.Length; segment++)
            {
                Feed($"{name} in {segment}-byte segments", Segments.Split(vector, segment), vector);
            }
        }

        AssertNoFailures();
    }

    [Fact]
    public void Vectors_EverySingleByteValueAtEveryPosition_NeverThrows()
    {
        foreach ((string name, byte[] vector) in s_vectors)
        {
            byte[] mutant = (byte[])vector.Clone();
            for (int i = 0; i < vector.Length; i++)
            {
                for (int value = 0; value < 256; value++)
                {
                    mutant[i] = (byte)value;
                    Feed($"{name} with [{i}] = 0x{value:x2}", mutant);
                }

                mutant[i] = vector[i];
            }
        }

        AssertNoFailures();
    }

    [Fact]
    public void Vectors_SeededRandomMutations_NeverThrow()
    {
        var frames = new List<byte[]>(s_vectors.Values);
        foreach ((_, byte[] bytes) in FuzzCorpus.LoadInputs())
        {
            frames.Add(bytes);
        }

        var mutator = new FrameMutator(seed: 85);
        for (int i = 0; i < RandomMutations; i++)
        {
            Feed($"mutation {i}", mutator.Mutate(frames));
        }

        AssertNoFailures();
    }

    private void Feed(string name, byte[] bytes) => Feed(name, new ReadOnlySequence<byte>(bytes), bytes);

    private void Feed(string name, ReadOnlySequence<byte> frame, byte[] bytes)
    {
        try
        {
            _target.Run(frame);
        }
        catch (Exception ex)
        {
            _failures.Add($"{name}: {Convert.ToHexString(bytes)}{Environment.NewLine}{ex}");
        }
    }

    private void AssertNoFailures() =>
        Assert.True(_failures.Count == 0, $"{_failures.Count} inputs threw; the first:{Environment.NewLine}{string.Join(Environment.NewLine, _failures.Take(3))}");
}
