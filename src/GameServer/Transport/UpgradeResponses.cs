using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace GameServer.Transport;

/// <summary>The HTTP responses of the lean handshake: 101, or a refusal with problem details as Kestrel's path gives.</summary>
internal static class UpgradeResponses
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static byte[] Accept(string key, string subProtocol)
    {
        string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
        return Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: {subProtocol}\r\n\r\n");
    }

    public static byte[] Refusal(UpgradeRefusal refusal, bool offerVersion = false)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15",
            ["title"] = refusal.Title,
            ["status"] = refusal.Status,
            ["detail"] = refusal.Detail,
        });
        string reason = ReasonPhrases.GetReasonPhrase(refusal.Status);
        string version = offerVersion ? "Sec-WebSocket-Version: 13\r\n" : string.Empty;
        string retry = refusal.RetryAfter is TimeSpan after ? $"Retry-After: {(int)Math.Ceiling(after.TotalSeconds)}\r\n" : string.Empty;
        byte[] head = Encoding.ASCII.GetBytes($"HTTP/1.1 {refusal.Status} {reason}\r\nContent-Type: application/problem+json\r\n" +
            $"Content-Length: {body.Length}\r\n{version}{retry}Connection: close\r\n\r\n");
        return [.. head, .. body];
    }
}
