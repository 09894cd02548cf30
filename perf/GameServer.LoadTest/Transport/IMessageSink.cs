namespace GameServer.LoadTest.Transport;

/// <summary>Receives each complete binary message a transport reads, on the transport's receive thread.</summary>
public interface IMessageSink
{
    /// <summary>The message is valid only during the call: the transport reuses its buffer.</summary>
    void OnMessage(ReadOnlyMemory<byte> message);
}
