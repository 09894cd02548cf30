using System.Net.Sockets;
using System.Text.RegularExpressions;
using GameServer.Redis;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace GameServer.Hosting;

/// <summary>
/// Turns the failures an operator causes at start (a bad setting, a port in use) into one line on stderr and exit
/// code 1, instead of a stack trace and an abort.
/// </summary>
/// <remarks>
/// The host and Kestrel log such a failure, with its stack trace, before they throw it; those two loggers are kept to
/// warnings until the server has started, so the one line is all the operator sees. A failure this class does not
/// know is a bug: it still ends the process with its stack trace.
/// </remarks>
public sealed partial class StartupFailures
{
    private static readonly string[] s_startupLoggers = ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.AspNetCore.Server.Kestrel"];

    private volatile bool _started;

    /// <summary>Keeps the host's and Kestrel's error logs quiet until <see cref="Started"/>.</summary>
    public void QuietUntilStarted(WebApplicationBuilder builder)
    {
        IConfigurationSection levels = builder.Configuration.GetSection("Logging:LogLevel");
        foreach (string category in s_startupLoggers)
        {
            // This rule is the most specific for its category, so it replaces the configured level rather than adding
            // to it: it applies that level itself, or Kestrel would log every connection at Debug once started.
            LogLevel configured = ConfiguredLevel(levels, category);
            builder.Logging.AddFilter(category, level => level >= configured && (_started || level < LogLevel.Error));
        }
    }

    /// <summary>The level configured for a category as the logging configuration resolves it: longest prefix, then Default.</summary>
    private static LogLevel ConfiguredLevel(IConfigurationSection levels, string category)
    {
        for (string prefix = category; prefix.Length > 0; prefix = prefix[..Math.Max(prefix.LastIndexOf('.'), 0)])
        {
            if (Enum.TryParse(levels[prefix], ignoreCase: true, out LogLevel level))
            {
                return level;
            }
        }

        return Enum.TryParse(levels["Default"], ignoreCase: true, out LogLevel fallback) ? fallback : LogLevel.Information;
    }

    /// <summary>The server has started: from now on its logs go through at their configured levels.</summary>
    public void Started() => _started = true;

    /// <summary>The one line that explains <paramref name="exception"/> to an operator, or null for a failure that is a bug.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => "GameServer cannot start, a setting is invalid: " + string.Join(" ", invalid.Failures.Select(Flatten)),
        AggregateException { InnerExceptions: var inner } when inner.All(e => e is OptionsValidationException) =>
            "GameServer cannot start, settings are invalid: " + string.Join(" ", inner.SelectMany(e => ((OptionsValidationException)e).Failures).Select(Flatten)),
        IOException { InnerException: AddressInUseException } or IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } =>
            $"GameServer cannot start: {Flatten(exception.Message)} Stop the program that holds the port, or choose another with --urls.",
        RedisUnreachableException => Flatten(exception.Message),
        InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" } =>
            $"GameServer cannot start, a setting is invalid: {Flatten(exception.Message)}",
        _ => null,
    };

    // A data annotation's failure wraps the message written for the operator in type and member names; the message
    // alone already names the setting and what to change.
    private static string Flatten(string text)
    {
        Match annotation = DataAnnotationFailure().Match(text);
        return (annotation.Success ? annotation.Groups["error"].Value : text).ReplaceLineEndings(" ").Trim();
    }

    [GeneratedRegex("^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<error>.*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
