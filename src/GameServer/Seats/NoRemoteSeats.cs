namespace GameServer.Seats;

/// <summary>A single node's: no other node reserves seats here.</summary>
public sealed class NoRemoteSeats : IRemoteSeats
{
    public ValueTask<uint?> TakeAsync(string seat, CancellationToken cancellationToken = default) => ValueTask.FromResult<uint?>(null);
}
