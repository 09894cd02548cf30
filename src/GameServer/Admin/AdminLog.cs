using System.Net;

namespace GameServer.Admin;

/// <summary>The one log line of every operator action: who, from where, what, on what.</summary>
internal sealed partial class AdminLog(ILogger<AdminLog> logger)
{
    public void Action(HttpContext context, string action, string target) =>
        LogAction(logger, AdminAuthMiddleware.OperatorOf(context), context.Connection.RemoteIpAddress ?? IPAddress.None, action, target);

    [LoggerMessage(EventId = 102, EventName = "AdminAction", Level = LogLevel.Information,
        Message = "Operator {Operator} from {RemoteAddress}: {Action} {Target}")]
    private static partial void LogAction(ILogger logger, string @operator, IPAddress remoteAddress, string action, string target);
}
