using GameServer.Matches;
using GameServer.Seats;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GameServer.Redis;

/// <summary>
/// The cluster's seat reservations in Redis (keys in <see cref="RedisDirectoryKeys"/>). A placement checks its
/// candidates and reserves in one script, so two nodes placing at once cannot both take a match's last seat; the owner
/// takes a reservation in one script too. Expiry is Redis's own clock, so nodes' clocks may disagree.
/// </summary>
public sealed class RedisSeatLedger(RedisDirectoryConnection redis, RedisOptions options, IOptions<MatchmakingOptions> matchmaking) : IRemoteSeats
{
    // KEYS[1] the new seat's key, KEYS[1 + i] candidate i's seats set; ARGV: token, hold ms, then per candidate seats,
    // capacity, remote (1/0), match id. Fullest first: the first candidate whose seats and live reservations leave room
    // wins; a remote one gets the reservation, a local one only reports the reservations its node must count.
    private const string ChooseScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local hold = tonumber(ARGV[2])
        for i = 2, #KEYS do
          local a = 3 + (i - 2) * 4
          redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
          local held = redis.call('ZCARD', KEYS[i])
          if tonumber(ARGV[a]) + held < tonumber(ARGV[a + 1]) then
            if ARGV[a + 2] == '1' then
              redis.call('ZADD', KEYS[i], now + hold, ARGV[1])
              redis.call('PEXPIRE', KEYS[i], hold)
              redis.call('SET', KEYS[1], ARGV[a + 3], 'PX', hold)
            end
            return {tonumber(ARGV[a + 3]), held}
          end
        end
        return {0, 0}
        """;

    // KEYS[1] the seat's key; ARGV[1] the seats sets' prefix, ARGV[2] the token, ARGV[3] how long a taken seat stays
    // counted. GETDEL makes the seat single use. The taken seat is not dropped from the set at once: other nodes count
    // the player from the owner's lease, up to a renewal later, and until then the reservation stands in for it.
    private const string TakeScript = """
        local id = redis.call('GETDEL', KEYS[1])
        if id then
          local t = redis.call('TIME')
          local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
          redis.call('ZADD', ARGV[1] .. id, 'XX', 'LT', now + tonumber(ARGV[3]), ARGV[2])
        end
        return id
        """;

    private readonly RedisDirectoryKeys _keys = new(options.DirectoryKeyPrefix);
    private readonly long _holdMilliseconds = (long)matchmaking.Value.SeatHoldTime.TotalMilliseconds;

    // Two renewals: by then the owner's lease shows the player who took the seat.
    private readonly long _takenMilliseconds = (long)(2 * options.RenewInterval.TotalMilliseconds);

    /// <summary>
    /// The first candidate with room, in the given order; for a remote one, the seat <paramref name="token"/> is
    /// reserved there. Null when none has room. One round trip.
    /// </summary>
    public async ValueTask<SeatChoice?> ChooseAsync(IReadOnlyList<SeatCandidate> candidates, string token)
    {
        var keys = new RedisKey[candidates.Count + 1];
        var values = new RedisValue[2 + candidates.Count * 4];
        keys[0] = _keys.Seat(token);
        values[0] = token;
        values[1] = _holdMilliseconds;
        for (int i = 0; i < candidates.Count; i++)
        {
            SeatCandidate candidate = candidates[i];
            keys[i + 1] = _keys.Seats(candidate.MatchId);
            values[2 + i * 4] = candidate.Seats;
            values[3 + i * 4] = candidate.Capacity;
            values[4 + i * 4] = candidate.IsRemote ? 1 : 0;
            values[5 + i * 4] = candidate.MatchId;
        }

        var answer = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(ChooseScript, keys, values))!;
        uint matchId = (uint)(long)answer[0];
        return matchId == 0 ? null : new SeatChoice(matchId, (int)(long)answer[1]);
    }

    /// <summary>The seat's match, taking it; null when it is unknown, used, expired, or Redis cannot say (the player asks again).</summary>
    public async ValueTask<uint?> TakeAsync(string seat, CancellationToken cancellationToken = default)
    {
        RedisResult taken;
        try
        {
            taken = await redis.Database.ScriptEvaluateAsync(TakeScript, [_keys.Seat(seat)], [_keys.SeatsPrefix, seat, _takenMilliseconds]);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return null;
        }

        return taken.IsNull || !uint.TryParse((string?)taken, System.Globalization.CultureInfo.InvariantCulture, out uint matchId) ? null : matchId;
    }
}
