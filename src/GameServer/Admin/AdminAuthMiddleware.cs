using System.Globalization;
using System.Net;

namespace GameServer.Admin;

/// <summary>
/// Guards every request under <c>/admin/api</c>, known path or not, before routing binds anything: an address with
/// too many recent failures gets 429; a missing or wrong bearer token gets 401 and counts as a failure; a right one
/// names the operator for the action's log line.
/// </summary>
internal sealed partial class AdminAuthMiddleware(RequestDelegate next, AdminTokens tokens, AdminFailureLimiter limiter, AdminMetrics metrics,
    ILogger<AdminAuthMiddleware> logger)
{
    private const string OperatorKey = "GameServer.Admin.Operator";

    /// <summary>The operator the request's token named.</summary>
    public static string OperatorOf(HttpContext context) => (string)context.Items[OperatorKey]!;

    public async Task InvokeAsync(HttpContext context)
    {
        IPAddress address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (limiter.RetryAfter(address) is TimeSpan wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed attempts",
                detail: $"More than {AdminFailureLimiter.MaxFailures} wrong tokens from this address within {AdminFailureLimiter.Window.TotalSeconds:F0} s.")
                .ExecuteAsync(context);
            return;
        }

        if (tokens.Authenticate(context.Request.Headers.Authorization) is not string name)
        {
            limiter.Fail(address);
            metrics.AuthFailed();
            LogAuthFailed(logger, address, context.Request.Method, context.Request.Path);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin token required",
                detail: "Send Authorization: Bearer <token>, a token of Admin:Token or Admin:Tokens.").ExecuteAsync(context);
            return;
        }

        context.Items[OperatorKey] = name;
        await next(context);
    }

    [LoggerMessage(EventId = 101, EventName = "AdminAuthFailed", Level = LogLevel.Warning,
        Message = "Admin API request without a valid token from {RemoteAddress}: {Method} {Path}")]
    private static partial void LogAuthFailed(ILogger logger, IPAddress remoteAddress, string method, string path);
}
