namespace GameServer.Protocol;

/// <summary>One decoded client-to-server message; only the member that <see cref="Type"/> names is set.</summary>
public readonly struct ClientMessage
{
    public ClientMessage(MessageType type, JoinMessage join = default, InputHeader input = default, PingMessage ping = default)
    {
        Type = type;
        Join = join;
        Input = input;
        Ping = ping;
    }

    public MessageType Type { get; }

    public JoinMessage Join { get; }

    /// <summary>An Input's header; its values are in the span the reader was given.</summary>
    public InputHeader Input { get; }

    public PingMessage Ping { get; }
}
