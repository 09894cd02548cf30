namespace GameServer.LoadTest.Transport;

/// <summary>One bot's WebSocket, speaking binary messages only.</summary>
internal interface IBotTransport : IAsyncDisposable
{
    /// <summary>Opens the connection and completes the upgrade with the gameserver.v1 subprotocol.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Sends one binary message without waiting; safe from any thread.</summary>
    /// <returns>False when the message could not be sent at once (the server is not reading).</returns>
    bool TrySend(ReadOnlySpan<byte> message);

    /// <summary>Drops the connection the way a lost network does: no close frame, a reset where the transport can send one.</summary>
    void Abort();

    /// <summary>Reads messages into the sink until the server closes; returns the close code (-1 without a close frame).</summary>
    Task<int> ReceiveAsync(IMessageSink sink, CancellationToken cancellationToken);
}
