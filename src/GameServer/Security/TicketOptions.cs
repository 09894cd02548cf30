using System.ComponentModel.DataAnnotations;

namespace GameServer.Security;

/// <summary>Join tickets for studios with their own backend (configuration section "Tickets").</summary>
public sealed class TicketOptions : IValidatableObject
{
    public const string Section = "Tickets";

    /// <summary>Whether a WebSocket upgrade needs a valid ticket. Default false: anonymous play, for development.</summary>
    public bool Required { get; set; }

    /// <summary>The shared HMAC-SHA256 secret, base64, at least 32 bytes; the studio's backend signs tickets with it.</summary>
    public string? Secret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Secret is null)
        {
            if (Required)
            {
                yield return new ValidationResult("Tickets:Required is true, so Tickets:Secret must be set (base64, at least 32 bytes).");
            }

            yield break;
        }

        byte[]? key = TicketCodec.TryDecodeKey(Secret);
        if (key is null || key.Length < 32)
        {
            yield return new ValidationResult("Tickets:Secret must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`).");
        }
    }
}
