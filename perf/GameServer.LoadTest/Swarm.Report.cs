using GameServer.LoadTest.Reporting;

namespace GameServer.LoadTest;

public sealed partial class Swarm
{
    private SwarmReport BuildReport(DateTimeOffset startedAt)
    {
        Totals end = Sum();
        double window = _windowEndAt > _windowStartAt ? (_windowEndAt - _windowStartAt) / 1e6 : 0;
        int joined = 0;
        int everConnected = 0;
        double sum = 0;
        double min = double.MaxValue;
        var players = new Dictionary<uint, int>();
        for (int i = 0; i < _bots.Length; i++)
        {
            Bot bot = _bots[i];
            everConnected += bot.EverConnected ? 1 : 0;
            double rate = window > 0 ? (_deltasAtWindowEnd[i] - _deltasAtWindowStart[i]) / window : 0;
            if (bot.EverJoined)
            {
                // Over the bots that played, as the mean: a bot refused at the door is an error, not a slow player.
                min = Math.Min(min, rate);
                joined++;
                sum += rate;
                players[bot.MatchId] = players.GetValueOrDefault(bot.MatchId) + 1;
            }
        }

        return new SwarmReport
        {
            StartedAt = startedAt,
            Url = _options.Url.ToString(),
            SeatsByNode = _context.Placer is SeatPlacer placer ? new Dictionary<string, int>(placer.SeatsByNode) : [],
            Transport = _options.Transport.ToString(),
            Protocol = _options.SubProtocol,
            Behaviour = _options.Behaviour.ToString(),
            Game = _options.Game,
            WelcomesByGame = new Dictionary<string, long>(_context.Stats.WelcomesByGame),
            Bots = _bots.Length,
            Connected = everConnected,
            Joined = joined,
            ActiveAtEnd = _series.Count > 0 ? _series[^1].Joined : 0,
            DurationSeconds = _options.Duration.TotalSeconds,
            RampSeconds = _options.Ramp.TotalSeconds,
            WindowStartSeconds = _options.WindowStartSecond,
            WindowSeconds = Math.Round(window, 3),
            InputsPerSecondPerBot = _context.InputIntervalMicros > 0 ? _options.InputsPerSecond : 0,
            PingsPerSecondPerBot = _options.PingsPerSecond,
            TickRate = _context.Stats.TickRate,
            Errors = BuildErrors(),
            DeltasPerSecondPerBot = new DeltaRate
            {
                Mean = joined == 0 ? 0 : Math.Round(sum / joined, 2),
                Min = Math.Round(min == double.MaxValue ? 0 : min, 2),
            },
            BytesPerBotPerSecond = PerBotPerSecond(_atWindowEnd.BytesIn - _atWindowStart.BytesIn, window),
            BytesSentPerBotPerSecond = PerBotPerSecond(_atWindowEnd.BytesOut - _atWindowStart.BytesOut, window),
            BytesPerDelta = end.Deltas == 0 ? 0 : Math.Round((double)end.DeltaBytes / end.Deltas, 1),
            RttMs = LatencySummary.From(_rttWindow),
            StateLagMs = LatencySummary.From(_lagWindow),
            TicksMissed = end.TicksMissed,
            Matches = new MatchGrouping
            {
                Matches = players.Count,
                MinPlayers = players.Count == 0 ? 0 : players.Values.Min(),
                MaxPlayers = players.Count == 0 ? 0 : players.Values.Max(),
                Expected = _options.MatchSize,
            },
            Rejoins = _context.Stats.Rejoins,
            Churn = BuildChurn(),
            Series = _series,
        };
    }

    private ChurnSummary BuildChurn()
    {
        ChurnStats churn = _context.Churn;
        long min = churn.MinIntervalMicros;
        return new ChurnSummary
        {
            PerMinute = _options.Churn,
            Drops = churn.Drops,
            Reconnects = churn.Reconnects,
            Resumes = churn.Resumes,
            ResumesRejected = _context.Stats.ErrorCount(ErrorKind.ResumeRejected),
            MinReconnectIntervalMs = min < 0 ? -1 : Math.Round(min / 1e3, 1),
            ReconnectsUnderOneSecond = churn.UnderOneSecond,
        };
    }

    private double PerBotPerSecond(long bytes, double window) =>
        window > 0 ? Math.Round(bytes / window / _bots.Length, 1) : 0;

    private ErrorSummary BuildErrors()
    {
        var summary = new ErrorSummary { Total = _context.Stats.TotalErrors() };
        foreach (ErrorKind kind in Enum.GetValues<ErrorKind>())
        {
            long count = _context.Stats.ErrorCount(kind);
            if (count > 0)
            {
                string name = char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
                summary.ByKind[name] = count;
                summary.FirstMessages[name] = _context.Stats.FirstError(kind) ?? string.Empty;
            }
        }

        return summary;
    }
}
