using Microsoft.Playwright;

namespace GameServer.Tests.Browser;

/// <summary>
/// The console's SSE reader (clients/web/js/sse.js) in Chromium, on what the server never sends but a proxy may:
/// CRLF and CR line ends, comments, several data lines, and a body cut anywhere (inside a CRLF, inside a character).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SseReaderTests
{
    private const string Stream = "event: history\r\ndata: 1\r\ndata: 2\r\n\r\n: a comment\ndata:x\r\rdata: caf\u00e9 ok\n\nevent: unfinished\n";

    // The stream's UTF-8 bytes in chunks of the given size, read with readEvents; each event as "name=data".
    private const string ReadInChunks = """
        async ([text, size]) => {
          const { readEvents } = await import('/js/sse.js');
          const bytes = new TextEncoder().encode(text);
          const body = new ReadableStream({
            start(controller) {
              for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
              controller.close();
            },
          });
          const events = [];
          for await (const e of readEvents(body)) events.push(`${e.event}=${e.data}`);
          return events;
        }
        """;

    private readonly BrowserFixture _browser;

    public SseReaderTests(BrowserFixture browser)
    {
        _browser = browser;
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadEvents_WholeOrByteByByte_YieldsTheSameEvents()
    {
        await using TestServer server = await TestServer.StartAsync();
        (IPage page, List<string> errors) = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.HttpBase, "/spectate").ToString());

        foreach (int size in new[] { 1, 7, Stream.Length * 2 })
        {
            string[] events = await page.EvaluateAsync<string[]>(ReadInChunks, new object[] { Stream, size });

            Assert.Equal(["history=1\n2", "message=x", "message=caf\u00e9 ok"], events);
        }

        Assert.Empty(errors);
    }
}
