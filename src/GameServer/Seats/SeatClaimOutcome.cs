namespace GameServer.Seats;

public enum SeatClaimOutcome
{
    /// <summary>The seat is the player's; the match counts it until the Join takes it.</summary>
    Taken,

    /// <summary>No such seat here: never made, already used, or expired.</summary>
    Unknown,

    /// <summary>The seat is for another match than the Join asked for; it is used up all the same.</summary>
    OtherMatch,

    /// <summary>The seat's match has ended, or filled before the player came (a race the reservation could not stop).</summary>
    MatchGone,
}
