using GameServer.Spectators;
using GameServer.Tests.Ticking;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Seams;

/// <summary>The feed log's contract, held by the in-process log over its ring; its pump's pass delivers.</summary>
public sealed class InMemoryFeedLogTests : FeedLogContractTests, IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly TestMeterFactory _meters = new();

    protected override IFeedLog CreateLog() =>
        new InMemoryMatchEventLog(Options.Create(new SpectatorFeedOptions { ReplayBufferEvents = Holds }), _time, new SpectatorMetrics(_meters));

    protected override Task DeliverAsync(IFeedLog log)
    {
        ((InMemoryMatchEventLog)log).Pump();
        return Task.CompletedTask;
    }

    public void Dispose() => _meters.Dispose();
}
