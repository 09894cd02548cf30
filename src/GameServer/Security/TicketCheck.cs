namespace GameServer.Security;

public enum TicketCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
    Reused,
}
