using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using GameServer.Protocol;
using GameServer.Tests.Infrastructure;

namespace GameServer.Tests.Faults;

/// <summary>A stopping server tells its players (close 1001) and exits within its shutdown time, leaving nothing behind.</summary>
public sealed partial class ShutdownTests
{
    [Fact]
    public async Task Stop_ClosesEveryPlayerWith1001()
    {
        TestServer server = await TestServer.StartAsync();
        await using TestPlayer ada = await TestPlayer.JoinAsync(server, "Ada");
        await using TestPlayer bob = await TestPlayer.JoinAsync(server, "Bob");

        await server.DisposeAsync();

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await ada.WaitForCloseAsync());
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await bob.WaitForCloseAsync());
    }

    [Fact]
    public async Task Sigterm_TellsPlayersAndExitsWithinTheShutdownTimeout()
    {
        (Process server, Uri address) = await StartServerProcessAsync();
        using Process owned = server;
        try
        {
            using var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol(ProtocolConstants.SubProtocol);
            await socket.ConnectAsync(new Uri($"ws://{address.Authority}/ws"), CancellationToken.None);
            var ping = new System.Buffers.ArrayBufferWriter<byte>();
            FrameWriter.WritePing(ping, new PingMessage(1));
            await socket.SendAsync(ping.WrittenMemory, WebSocketMessageType.Binary, true, CancellationToken.None);
            byte[] pong = new byte[64];
            await socket.ReceiveAsync(pong, CancellationToken.None).WaitAsync(TestPlayer.Patience);

            using (Process kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            byte[] buffer = new byte[4096];
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TestPlayer.Patience);
            }
            while (result.MessageType != WebSocketMessageType.Close);

            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, result.CloseStatus);
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, server.ExitCode);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Runs the server's own assembly, the one the tests build beside them, as its own process on an ephemeral port.</summary>
    private static async Task<(Process Server, Uri Address)> StartServerProcessAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "GameServer.dll"), "--urls", "http://127.0.0.1:0", "--Gateway:ShutdownTimeout", "00:00:05" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Logging__Console__FormatterName"] = "simple";
        Process process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null)
            {
                throw new InvalidOperationException("The server exited before it listened.");
            }

            Match listening = ListeningLine().Match(line);
            if (listening.Success)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return (process, new Uri(listening.Groups[1].Value));
            }
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
