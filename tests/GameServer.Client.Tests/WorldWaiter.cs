using GameServer.Arena.Wire;

namespace GameServer.Client.Tests;

/// <summary>Waits, on the client's receive thread, until a snapshot or delta leaves its world in a wanted state.</summary>
public static class WorldWaiter
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task WaitForWorldAsync(this GameClient client, Func<WorldState, bool> condition)
    {
        var reached = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(uint tick)
        {
            if (condition(client.World))
            {
                reached.TrySetResult(true);
            }
        }

        client.DeltaReceived += Check;
        client.SnapshotReceived += Check;
        try
        {
            await reached.Task.WaitAsync(Patience);
        }
        finally
        {
            client.DeltaReceived -= Check;
            client.SnapshotReceived -= Check;
        }
    }
}
