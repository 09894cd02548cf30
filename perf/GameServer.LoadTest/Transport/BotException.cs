namespace GameServer.LoadTest.Transport;

/// <summary>A failure a bot counts under <see cref="Kind"/>.</summary>
internal sealed class BotException : Exception
{
    public BotException(ErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public ErrorKind Kind { get; }
}
