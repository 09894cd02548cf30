using System.Net;
using System.Net.Sockets;
using GameServer.Tests.Infrastructure;
using GameServer.Transport.Uring;

namespace GameServer.Tests.Transport;

/// <summary>
/// The kernel's side of batched socket calls, on real loopback sockets: every call of a submission completes within
/// it (MSG_DONTWAIT), a send with all its bytes, part of them, -EAGAIN or an error, never waiting for a full socket,
/// a receive with what had arrived or -EAGAIN. The server's sockets rely on exactly that to hand their bytes to the
/// batch and queue what it did not take, and to read in the loop's pass.
/// </summary>
public sealed class SocketRingTests : IDisposable
{
    private const int WouldBlock = -11;
    private const int BadFileDescriptor = -9;

    private readonly List<Socket> _sockets = [];

    [Fact]
    public void SendsToManySockets_GoInOneSubmission_AndEachPeerReadsItsOwnBytes()
    {
        using SocketRing ring = CreateRing();
        var pairs = Enumerable.Range(0, 8).Select(_ => ConnectedPair()).ToList();
        byte[][] messages = pairs.Select((_, i) => Pinned(Enumerable.Range(0, 100 + i).Select(b => (byte)(b + i)))).ToArray();
        var results = new Dictionary<ulong, int>();

        for (int i = 0; i < pairs.Count; i++)
        {
            Add(ring, pairs[i].Server, messages[i], (ulong)i);
        }

        Assert.Equal(pairs.Count, ring.Pending);
        ring.Submit((token, result) => results.Add(token, result));

        Assert.Equal(0, ring.Pending);
        for (int i = 0; i < pairs.Count; i++)
        {
            Assert.Equal(messages[i].Length, results[(ulong)i]);
            Assert.Equal(messages[i], Read(pairs[i].Client, messages[i].Length));
        }
    }

    [Fact]
    public void ASocketThatIsFull_CompletesAtOnce_WithWhatItTook()
    {
        using SocketRing ring = CreateRing();
        (Socket server, Socket client) = ConnectedPair();
        server.SendBufferSize = 4096;
        client.ReceiveBufferSize = 2048;
        byte[] chunk = Pinned(Enumerable.Range(0, 16 * 1024).Select(b => (byte)b));
        long accepted = 0;
        int last = chunk.Length;

        // The client reads nothing: the socket fills, and the submission still returns at once, each time.
        for (int round = 0; round < 1000 && last == chunk.Length; round++)
        {
            Add(ring, server, chunk, 0);
            ring.Submit((_, result) => last = result);
            accepted += Math.Max(last, 0);
        }

        Assert.True(last == WouldBlock || (last >= 0 && last < chunk.Length), $"The last send completed with {last}.");
        byte[] received = Read(client, (int)accepted);
        for (int i = 0; i < received.Length; i++)
        {
            Assert.Equal((byte)(i % chunk.Length), received[i]);
        }
    }

    [Fact]
    public unsafe void Receives_TakeWhatArrived_AndAnEmptySocketCompletesAtOnce()
    {
        using SocketRing ring = CreateRing();
        (Socket server, Socket client) = ConnectedPair();
        (Socket quiet, _) = ConnectedPair();
        byte[] sent = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        client.Send(sent);
        byte[] buffer = GC.AllocateArray<byte>(64, pinned: true);
        var results = new Dictionary<ulong, int>();

        // Once the bytes are in the server's socket (one loopback segment): a receive never waits for them.
        Assert.True(server.Poll(TestPlayer.Patience, SelectMode.SelectRead));

        fixed (byte* pointer = buffer)
        {
            ring.AddReceive((int)server.SafeHandle.DangerousGetHandle(), pointer, 32, 1);
            ring.AddReceive((int)quiet.SafeHandle.DangerousGetHandle(), pointer + 32, 32, 2);
        }

        ring.Submit((token, result) => results.Add(token, result));

        Assert.Equal(sent.Length, results[1]);
        Assert.Equal(sent, buffer[..sent.Length]);
        Assert.Equal(WouldBlock, results[2]);
    }

    [Fact]
    public unsafe void ASendToNoSocket_CompletesWithItsError()
    {
        using SocketRing ring = CreateRing();
        int result = 0;

        ring.AddSend(-1, null, 0, 7);
        ring.Submit((token, r) => result = token == 7 ? r : 0);

        Assert.Equal(BadFileDescriptor, result);
    }

    public void Dispose()
    {
        foreach (Socket socket in _sockets)
        {
            socket.Dispose();
        }
    }

    private static SocketRing CreateRing()
    {
        SocketRing? ring = SocketRing.TryCreate(64, out string? why);
        Assert.True(ring is not null, $"This machine's kernel refused an io_uring: {why}.");
        return ring;
    }

    // The kernel reads a send's bytes during the submit, after AddSend returns: they must not move meanwhile.
    private static byte[] Pinned(IEnumerable<byte> bytes)
    {
        byte[] source = bytes.ToArray();
        byte[] pinned = GC.AllocateUninitializedArray<byte>(source.Length, pinned: true);
        source.CopyTo(pinned, 0);
        return pinned;
    }

    private static unsafe void Add(SocketRing ring, Socket socket, byte[] pinned, ulong token)
    {
        fixed (byte* pointer = pinned)
        {
            ring.AddSend((int)socket.SafeHandle.DangerousGetHandle(), pointer, pinned.Length, token);
        }
    }

    private (Socket Server, Socket Client) ConnectedPair()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        Socket server = listener.Accept();
        server.Blocking = false;
        _sockets.Add(client);
        _sockets.Add(server);
        return (server, client);
    }

    private static byte[] Read(Socket client, int length)
    {
        byte[] buffer = new byte[length];
        int read = 0;
        client.ReceiveTimeout = (int)TestPlayer.Patience.TotalMilliseconds;
        while (read < length)
        {
            int n = client.Receive(buffer, read, length - read, SocketFlags.None);
            Assert.True(n > 0, "The peer closed before all bytes came.");
            read += n;
        }

        return buffer;
    }
}
