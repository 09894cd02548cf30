using GameServer.LoadTest.Reporting;
using HdrHistogram;

namespace GameServer.LoadTest;

public sealed partial class Swarm
{
    private readonly List<TimeSample> _series = [];
    private readonly long[] _deltasAtWindowStart;
    private readonly long[] _deltasAtWindowEnd;
    private readonly LongHistogram _rttWindow = new(60_000_000, 3);
    private readonly LongHistogram _lagWindow = new(60_000_000, 3);
    private HistogramBase? _rttInterval;
    private HistogramBase? _lagInterval;
    private Totals _previous;
    private Totals _atWindowStart;
    private Totals _atWindowEnd;
    private long _previousAt;
    private long _windowStartAt;
    private long _windowEndAt;

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (int second = 1; second <= _options.WholeSeconds; second++)
        {
            await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            Sample(second);
        }
    }

    private void Sample(int second)
    {
        long now = _context.NowMicros();
        Totals totals = Sum();
        _rttInterval = _rttInterval is null ? _context.Stats.Rtt.GetIntervalHistogram() : _context.Stats.Rtt.GetIntervalHistogram(_rttInterval);
        _lagInterval = _lagInterval is null ? _context.Stats.StateLag.GetIntervalHistogram() : _context.Stats.StateLag.GetIntervalHistogram(_lagInterval);
        int window = _options.WindowStartSecond;
        if (second == window)
        {
            _windowStartAt = now;
            _atWindowStart = totals;
            for (int i = 0; i < _bots.Length; i++)
            {
                _deltasAtWindowStart[i] = _bots[i].Deltas;
            }
        }
        else if (second > window)
        {
            _rttWindow.Add(_rttInterval);
            _lagWindow.Add(_lagInterval);
            _windowEndAt = now;
            _atWindowEnd = totals;
            for (int i = 0; i < _bots.Length; i++)
            {
                _deltasAtWindowEnd[i] = _bots[i].Deltas;
            }
        }

        double seconds = Math.Max(1e-3, (now - _previousAt) / 1e6);
        LatencySummary rtt = LatencySummary.From(_rttInterval);
        LatencySummary lag = LatencySummary.From(_lagInterval);
        var sample = new TimeSample
        {
            T = second,
            Connected = totals.Connected,
            Joined = totals.Joined,
            Failed = totals.Failed,
            MessagesInPerSecond = (long)((totals.MessagesIn - _previous.MessagesIn) / seconds),
            MessagesOutPerSecond = (long)((totals.MessagesOut - _previous.MessagesOut) / seconds),
            BytesInPerSecond = (long)((totals.BytesIn - _previous.BytesIn) / seconds),
            DeltasPerSecondPerBot = totals.Joined == 0 ? 0 : Math.Round((totals.Deltas - _previous.Deltas) / seconds / totals.Joined, 2),
            RttP50 = rtt.P50,
            RttP90 = rtt.P90,
            RttP99 = rtt.P99,
            RttMax = rtt.Max,
            StateLagP50 = lag.P50,
            StateLagP99 = lag.P99,
            Errors = _context.Stats.TotalErrors(),
            TicksMissed = totals.TicksMissed,
        };
        _series.Add(sample);
        Latest = sample;
        _previous = totals;
        _previousAt = now;
    }

    private Totals Sum()
    {
        var totals = default(Totals);
        foreach (Bot bot in _bots)
        {
            BotState state = bot.State;
            totals.Connected += state is BotState.Connected or BotState.Joined ? 1 : 0;
            totals.Joined += state == BotState.Joined ? 1 : 0;
            totals.Failed += state == BotState.Failed ? 1 : 0;
            totals.MessagesIn += bot.Messages;
            totals.MessagesOut += bot.MessagesSent;
            totals.BytesIn += bot.Bytes;
            totals.BytesOut += bot.BytesSent;
            totals.Deltas += bot.Deltas;
            totals.DeltaBytes += bot.DeltaBytes;
            totals.TicksMissed += bot.TicksMissed;
        }

        return totals;
    }

    private struct Totals
    {
        public int Connected;
        public int Joined;
        public int Failed;
        public long MessagesIn;
        public long MessagesOut;
        public long BytesIn;
        public long BytesOut;
        public long Deltas;
        public long DeltaBytes;
        public long TicksMissed;
    }
}
