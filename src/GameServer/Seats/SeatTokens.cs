using System.Buffers.Text;
using System.Security.Cryptography;

namespace GameServer.Seats;

/// <summary>Seat reservation tokens: 128 random bits in base64url (22 characters), unguessable and safe in a query string.</summary>
public static class SeatTokens
{
    /// <summary>Longer than any token this server makes: a longer presented seat is refused without a look-up.</summary>
    private const int MaxLength = 64;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether a presented seat could be one of ours, checked before it is looked up anywhere (it is untrusted input).</summary>
    public static bool IsWellFormed(string? seat) =>
        !string.IsNullOrEmpty(seat) && seat.Length <= MaxLength && Base64Url.IsValid(seat);
}
