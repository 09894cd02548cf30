namespace GameServer.Seats;

/// <summary>Seats other nodes reserved in this node's matches (a cluster's reservations), each taken once.</summary>
public interface IRemoteSeats
{
    /// <summary>The match the seat was reserved in, removing the reservation; null when it is unknown, used or expired.</summary>
    ValueTask<uint?> TakeAsync(string seat, CancellationToken cancellationToken = default);
}
