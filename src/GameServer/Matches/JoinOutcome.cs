namespace GameServer.Matches;

public enum JoinOutcome
{
    Joined,
    NotFound,
    Full,
}
