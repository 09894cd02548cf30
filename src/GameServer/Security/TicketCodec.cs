using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace GameServer.Security;

/// <summary>
/// A ticket on the wire: <c>base64url(JSON payload) "." base64url(HMAC-SHA256(secret, payload bytes))</c>, short
/// enough for a query string, easy to sign in any backend language.
/// </summary>
public static class TicketCodec
{
    private const int MaxTicketLength = 2048;

    public static string Sign(JoinTicket ticket, byte[] key)
    {
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(ticket);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The ticket if its signature is right; null when it is malformed or forged. Expiry is the caller's.</summary>
    public static JoinTicket? TryVerify(string text, byte[] key)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (text.Length > MaxTicketLength || dot <= 0)
        {
            return null;
        }

        try
        {
            byte[] payload = Base64Url.DecodeFromChars(text.AsSpan(0, dot));
            byte[] signature = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
            {
                return null;
            }

            JoinTicket? ticket = JsonSerializer.Deserialize<JoinTicket>(payload);
            return ticket is { PlayerId: not null, Name: not null, Nonce: not null } ? ticket : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    public static byte[]? TryDecodeKey(string secret)
    {
        try
        {
            return Convert.FromBase64String(secret);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
