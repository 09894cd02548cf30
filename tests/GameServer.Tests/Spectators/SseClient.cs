using System.Net.Http.Headers;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Spectators;

/// <summary>
/// A real HttpClient reading an SSE stream line by line and splitting it into blocks as an EventSource does (fields
/// <c>event</c>, <c>data</c>, <c>id</c>, <c>retry</c>, and comments), so tests can assert on the exact lines.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly StreamReader _reader;

    private SseClient(HttpClient http, HttpResponseMessage response, StreamReader reader)
    {
        _http = http;
        Response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response { get; }

    public static Task<SseClient> OpenAsync(TestServer server, string path, string? lastEventIdHeader = null, HttpMessageHandler? handler = null) =>
        OpenAsync(server.HttpBase, path, lastEventIdHeader, handler);

    /// <param name="httpBase">The server's base address, for a server that is not a <see cref="TestServer"/> (a process of its own).</param>
    public static async Task<SseClient> OpenAsync(Uri httpBase, string path, string? lastEventIdHeader = null, HttpMessageHandler? handler = null)
    {
        HttpClient http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = httpBase;
        http.Timeout = Timeout.InfiniteTimeSpan;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventIdHeader is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventIdHeader);
        }

        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Stream body = await response.Content.ReadAsStreamAsync(timeout.Token);
        return new SseClient(http, response, new StreamReader(body));
    }

    /// <summary>The next block, comments and field-only blocks included; null at the end of the stream.</summary>
    public async Task<SseMessage?> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TestPlayer.Patience);
        var lines = new List<string>();
        string? eventName = null, data = null, id = null, comment = null;
        long? retry = null;
        while (true)
        {
            string? line = await _reader.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (lines.Count == 0)
                {
                    continue;
                }

                return new SseMessage(lines, eventName, data, id, retry, comment);
            }

            lines.Add(line);
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string field = colon < 0 ? line : line[..colon];
            string value = colon < 0 ? string.Empty : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            switch (field)
            {
                case "":
                    comment = value;
                    break;
                case "event":
                    eventName = value;
                    break;
                case "data":
                    data = data is null ? value : data + "\n" + value;
                    break;
                case "id":
                    id = value;
                    break;
                case "retry":
                    retry = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new InvalidDataException($"Unexpected field in the stream: {line}");
            }
        }
    }

    /// <summary>The next dispatched event (a block with data), passing over comments and field-only blocks.</summary>
    public async Task<SseMessage> NextEventAsync()
    {
        while (true)
        {
            SseMessage message = await NextAsync() ?? throw new EndOfStreamException("The stream ended.");
            if (message.Data is not null)
            {
                return message;
            }
        }
    }

    /// <summary>The next event with this name; events of other names before it are passed over.</summary>
    public async Task<SseMessage> NextEventAsync(string name)
    {
        while (true)
        {
            SseMessage message = await NextEventAsync();
            if (message.Event == name)
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Response.Dispose();
        _reader.Dispose();
        _http.Dispose();
        await Task.CompletedTask;
    }
}
