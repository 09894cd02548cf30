using GameServer.Simulation;
using GameServer.Tests.Infrastructure;
using GameServer.Tests.Ticking;

namespace GameServer.Tests.Health;

/// <summary>
/// Arena whose step can stall (block until released) or run slow (move the fake clock past the period), as a
/// match stuck in a loop or an overloaded one would; the test drives it through <see cref="Controls"/>.
/// </summary>
internal sealed class StallingArena(uint id, ulong seed, StallingArena.Controls controls)
    : ArenaDecorator(new Match(id, seed, new ArenaRules { MinPlayersToStart = 1 }))
{
    public override void Step(ReadOnlySpan<PlayerInput> inputs)
    {
        if (controls.Stall)
        {
            controls.Stalled.TrySetResult();
            controls.Release.Wait();
        }

        if (controls.SlowBy is TimeSpan slow)
        {
            controls.Time.Advance(slow);
        }

        Arena.Step(inputs);
    }

    /// <summary>What the test sets; shared by every match the server creates.</summary>
    internal sealed class Controls(ManualTimeProvider time) : IDisposable
    {
        public ManualTimeProvider Time { get; } = time;

        public volatile bool Stall;

        public TimeSpan? SlowBy { get; set; }

        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public void Dispose()
        {
            Release.Set();
            Release.Dispose();
        }
    }
}
