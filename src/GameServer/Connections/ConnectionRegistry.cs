using System.Collections.Concurrent;

namespace GameServer.Connections;

/// <summary>The open player connections, so that a stopping server can close each with 1001 and wait for them.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<PlayerConnection, Task> _connections = new();
    private volatile bool _stopping;

    public int Count => _connections.Count;

    /// <summary>Runs a connection to its end, registered while it runs.</summary>
    public async Task RunAsync(PlayerConnection connection)
    {
        Task running = connection.RunAsync();
        _connections.TryAdd(connection, running);

        // A connection that got through the upgrade while the server began to stop is told at once.
        if (_stopping)
        {
            connection.OnShutdown();
        }

        try
        {
            await running.ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
        }
    }

    /// <summary>Closes every connection with 1001 and waits until they have ended or the token fires.</summary>
    public async Task CloseAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        foreach (PlayerConnection connection in _connections.Keys)
        {
            connection.OnShutdown();
        }

        await Task.WhenAll(_connections.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
