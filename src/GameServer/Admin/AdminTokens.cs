using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GameServer.Admin;

/// <summary>Which operator a bearer token belongs to, compared in constant time against every configured token.</summary>
internal sealed class AdminTokens(IOptions<AdminOptions> options)
{
    private const string Scheme = "Bearer ";

    private readonly (string Operator, byte[] Token)[] _tokens =
        [.. options.Value.OperatorTokens().Select(t => (t.Key, Encoding.UTF8.GetBytes(t.Value)))];

    /// <summary>The operator the Authorization header's bearer token names; null for none or a wrong one.</summary>
    public string? Authenticate(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        byte[] presented = Encoding.UTF8.GetBytes(authorization.AsSpan(Scheme.Length).Trim().ToString());
        string? match = null;

        // Every token is compared, matched or not, so the time taken does not say which one (or how many) matched.
        foreach ((string name, byte[] token) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, token) && match is null)
            {
                match = name;
            }
        }

        return match;
    }
}
