using GameServer.Protocol;

namespace GameServer.Client;

/// <summary>The server refused a request (its <see cref="ErrorMessage"/>), or the connection ended before it was answered.</summary>
public sealed class GameClientException : Exception
{
    public GameClientException(string message)
        : base(message)
    {
    }

    public GameClientException(ErrorMessage error)
        : base($"The server refused: {error.Code}: {error.Message}")
    {
        Error = error;
    }

    /// <summary>The server's error, when it sent one; null when the connection ended instead.</summary>
    public ErrorMessage? Error { get; }
}
