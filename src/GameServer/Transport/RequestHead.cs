using System.Text;

namespace GameServer.Transport;

/// <summary>
/// The parts of an HTTP/1.1 GET request's head that the lean listener looks at: a game upgrade to <c>/ws</c>
/// (RFC 6455 4.2.1) or a spectator feed.
/// </summary>
internal sealed class RequestHead
{
    public string Target { get; private init; } = string.Empty;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>The target without its query.</summary>
    public string Path => Target.Split('?')[0];

    /// <summary>A WebSocket opening handshake: GET, an upgrade to websocket, version 13 and a key.</summary>
    public bool IsWebSocket =>
        HasToken("Upgrade", "websocket") && HasToken("Connection", "upgrade") && Header("Sec-WebSocket-Key") is { Length: > 0 };

    public bool IsVersion13 => Header("Sec-WebSocket-Version") == "13";

    public bool HasToken(string header, string token) =>
        Header(header) is string value && value.Split(',').Any(t => t.Trim().Equals(token, StringComparison.OrdinalIgnoreCase));

    /// <summary>A query parameter of the target, unescaped; null when absent.</summary>
    public string? Query(string name)
    {
        int question = Target.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        foreach (string pair in Target[(question + 1)..].Split('&'))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? pair : pair[..equals];
            if (Uri.UnescapeDataString(key) == name)
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    /// <summary>Parses the request head (up to, not including, the blank line); null when it is not a GET over HTTP/1.1.</summary>
    public static RequestHead? Parse(ReadOnlySpan<byte> head)
    {
        string[] lines = Encoding.Latin1.GetString(head).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine is not ["GET", var target, "HTTP/1.1"])
        {
            return null;
        }

        var request = new RequestHead { Target = target };
        foreach (string line in lines.AsSpan(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            string name = line[..colon];
            string value = line[(colon + 1)..].Trim();
            request.Headers[name] = request.Headers.TryGetValue(name, out string? earlier) ? earlier + ", " + value : value;
        }

        return request;
    }
}
