using System.ComponentModel.DataAnnotations;

namespace GameServer.Admin;

/// <summary>
/// The operator's console (<c>/admin</c>) and its API (<c>/admin/api</c>), configuration section "Admin". Off, and
/// answering 404, unless a token is configured.
/// </summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>The shortest token accepted: 16 characters.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>The operator name <see cref="Token"/> stands for in logs.</summary>
    public const string SingleOperator = "admin";

    /// <summary>One bearer token, for the operator named "admin". Default none.</summary>
    public string? Token { get; set; }

    /// <summary>Bearer tokens by operator name (<c>Admin:Tokens:alice=...</c>), so logs say who acted. Default none.</summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the console is on: some token is configured.</summary>
    public bool Enabled => !string.IsNullOrEmpty(Token) || Tokens.Count > 0;

    /// <summary>Every configured token with the operator it names.</summary>
    public IEnumerable<KeyValuePair<string, string>> OperatorTokens()
    {
        if (!string.IsNullOrEmpty(Token))
        {
            yield return new(SingleOperator, Token);
        }

        foreach (KeyValuePair<string, string> token in Tokens)
        {
            yield return token;
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Token is { Length: > 0 and < MinimumTokenLength })
        {
            yield return TooShort("Admin:Token");
        }

        foreach (KeyValuePair<string, string> token in Tokens)
        {
            if ((token.Value?.Length ?? 0) < MinimumTokenLength)
            {
                yield return TooShort("Admin:Tokens:" + token.Key);
            }
        }
    }

    private static ValidationResult TooShort(string setting) =>
        new($"{setting} must be at least {MinimumTokenLength} characters (e.g. `openssl rand -base64 32`).");
}
