namespace GameServer.Ticking;

/// <summary>What <see cref="TickSchedule.Advance"/> decided for one look at the clock.</summary>
/// <param name="Run">Ticks to run now, back to back.</param>
/// <param name="Skipped">Late ticks dropped because there were more than the catch-up limit.</param>
internal readonly record struct TickBatch(int Run, long Skipped);
