using GameServer.Ticking;

namespace GameServer.Tests.Ticking;

public sealed class TickScheduleTests
{
    private const long Frequency = 1_000_000_000;
    private const long Start = 5_000_000_000;
    private const int Rate = 30;

    // 1e9 / 30 is not a whole number of nanoseconds, which is what makes drift possible.
    private static long DueAt(long index) => Start + (index * Frequency / Rate);

    private static TickSchedule CreateSchedule(int maxCatchUpTicks = 3) => new(Rate, maxCatchUpTicks, Frequency, Start);

    [Fact]
    public void Advance_AtStart_RunsOneTick()
    {
        var schedule = CreateSchedule();

        var batch = schedule.Advance(Start);

        Assert.Equal(new TickBatch(1, 0), batch);
        Assert.Equal(DueAt(1), schedule.NextDueTimestamp);
    }

    [Fact]
    public void Advance_BeforeNextTickIsDue_RunsNothing()
    {
        var schedule = CreateSchedule();
        schedule.Advance(Start);

        var batch = schedule.Advance(DueAt(1) - 1);

        Assert.Equal(new TickBatch(0, 0), batch);
        Assert.Equal(DueAt(1), schedule.NextDueTimestamp);
    }

    [Fact]
    public void Advance_EachTickOnTime_RunsOneTickEach()
    {
        var schedule = CreateSchedule();

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(new TickBatch(1, 0), schedule.Advance(DueAt(i)));
        }
    }

    [Fact]
    public void Advance_EveryTickSlightlyLate_DueTimesStayExactlyStartPlusNPeriods()
    {
        var schedule = CreateSchedule();

        // Ten minutes of ticks, each looked at 0 to 9 ms late: no lateness may carry over into later due times.
        for (var i = 0; i < Rate * 600; i++)
        {
            var batch = schedule.Advance(DueAt(i) + (i % 10 * 1_000_000));

            Assert.Equal(new TickBatch(1, 0), batch);
            Assert.Equal(DueAt(i + 1), schedule.NextDueTimestamp);
        }

        Assert.Equal(Start + (600 * Frequency), schedule.NextDueTimestamp);
        Assert.Equal(Start, schedule.AnchorTimestamp);
    }

    [Theory]
    [InlineData(1, 1_000_000_000)]
    [InlineData(7, 1_000_000_000)]
    [InlineData(30, 10_000_000)]
    [InlineData(144, 1_000_000_000)]
    [InlineData(240, 10_000_000)]
    public void GetDueTimestamp_WholeSecondsOfTicks_IsExactlyThatManySeconds(int rate, long frequency)
    {
        var schedule = new TickSchedule(rate, 3, frequency, Start);

        for (long seconds = 1; seconds <= 100_000; seconds *= 10)
        {
            Assert.Equal(Start + (seconds * frequency), schedule.GetDueTimestamp(seconds * rate));
        }
    }

    [Fact]
    public void Advance_LateByFewerTicksThanTheMax_RunsAllLateTicksAndKeepsTheAnchor()
    {
        var schedule = CreateSchedule(maxCatchUpTicks: 3);
        schedule.Advance(Start);

        // Ticks 1 and 2 are both due.
        var batch = schedule.Advance(DueAt(2) + 1);

        Assert.Equal(new TickBatch(2, 0), batch);
        Assert.Equal(DueAt(3), schedule.NextDueTimestamp);
        Assert.Equal(Start, schedule.AnchorTimestamp);
    }

    [Fact]
    public void Advance_LateByExactlyTheMax_RunsThemAllWithoutSkipping()
    {
        var schedule = CreateSchedule(maxCatchUpTicks: 3);

        var batch = schedule.Advance(DueAt(2));

        Assert.Equal(new TickBatch(3, 0), batch);
        Assert.Equal(DueAt(3), schedule.NextDueTimestamp);
    }

    [Fact]
    public void Advance_LateByMoreThanTheMax_RunsTheMaxSkipsTheRestAndReanchors()
    {
        var schedule = CreateSchedule(maxCatchUpTicks: 3);
        schedule.Advance(Start);
        var now = DueAt(10) + 1_000;

        // Ticks 1 to 10 are due: 3 run, 7 are skipped.
        var batch = schedule.Advance(now);

        Assert.Equal(new TickBatch(3, 7), batch);
        Assert.Equal(now, schedule.AnchorTimestamp);
        Assert.Equal(now + (Frequency / Rate), schedule.NextDueTimestamp);
    }

    [Fact]
    public void Advance_AfterReanchoring_DueTimesCountFromTheNewAnchor()
    {
        var schedule = CreateSchedule(maxCatchUpTicks: 2);
        var now = DueAt(50);
        schedule.Advance(now);

        for (var i = 1; i <= Rate; i++)
        {
            Assert.Equal(new TickBatch(1, 0), schedule.Advance(now + (i * Frequency / Rate)));
        }

        Assert.Equal(now + Frequency + (Frequency / Rate), schedule.NextDueTimestamp);
    }

    [Fact]
    public void Advance_MaxCatchUpOfOneAndOneTickLate_RunsOneAndSkipsOne()
    {
        var schedule = CreateSchedule(maxCatchUpTicks: 1);

        var batch = schedule.Advance(DueAt(1));

        Assert.Equal(new TickBatch(1, 1), batch);
    }

    [Fact]
    public void GetDelay_BeforeNextTick_IsTheTimeUntilItRoundedUp()
    {
        var schedule = CreateSchedule();
        schedule.Advance(Start);

        var delay = schedule.GetDelay(Start + 1_000_000);

        // 33,333,333 ns - 1,000,000 ns = 32,333,333 ns, which is 323,333.33 TimeSpan ticks: rounded up.
        Assert.Equal(TimeSpan.FromTicks(323_334), delay);
    }

    [Fact]
    public void GetDelay_TickAlreadyDue_IsZero()
    {
        var schedule = CreateSchedule();

        Assert.Equal(TimeSpan.Zero, schedule.GetDelay(Start));
        Assert.Equal(TimeSpan.Zero, schedule.GetDelay(Start + Frequency));
    }

    [Fact]
    public void Restart_AfterTicks_FirstTickIsDueAtTheNewAnchor()
    {
        var schedule = CreateSchedule();
        schedule.Advance(Start);

        schedule.Restart(Start + 42);

        Assert.Equal(Start + 42, schedule.NextDueTimestamp);
        Assert.Equal(new TickBatch(1, 0), schedule.Advance(Start + 42));
    }
}
