using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GameServer.Security;

/// <summary>Checks tickets at the WebSocket upgrade: signature, expiry, and that each is used once.</summary>
public sealed class TicketValidator(IOptions<TicketOptions> options, TimeProvider time)
{
    private readonly byte[]? _key = options.Value.Secret is string secret ? TicketCodec.TryDecodeKey(secret) : null;
    private readonly ConcurrentDictionary<string, long> _usedNonces = new(StringComparer.Ordinal);
    private long _lastSweep;

    public bool Required { get; } = options.Value.Required;

    public TicketCheck Check(string? text, out JoinTicket? ticket)
    {
        ticket = null;
        if (string.IsNullOrEmpty(text))
        {
            return TicketCheck.Missing;
        }

        ticket = _key is null ? null : TicketCodec.TryVerify(text, _key);
        long now = time.GetUtcNow().ToUnixTimeSeconds();
        if (ticket is null)
        {
            return TicketCheck.Invalid;
        }

        if (ticket.ExpiresAt <= now)
        {
            return TicketCheck.Expired;
        }

        ForgetExpired(now);
        return _usedNonces.TryAdd(ticket.Nonce, ticket.ExpiresAt) ? TicketCheck.Valid : TicketCheck.Reused;
    }

    // A nonce needs remembering only until its ticket expires: after that the expiry refuses it anyway. Swept at
    // most once a second, so an upgrade costs no walk over every live ticket.
    private void ForgetExpired(long now)
    {
        long last = Interlocked.Read(ref _lastSweep);
        if (now == last || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (KeyValuePair<string, long> used in _usedNonces)
        {
            if (used.Value <= now)
            {
                _usedNonces.TryRemove(used);
            }
        }
    }
}
