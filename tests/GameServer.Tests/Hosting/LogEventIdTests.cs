using System.Reflection;
using GameServer.Admission;
using Microsoft.Extensions.Logging;

namespace GameServer.Tests.Hosting;

/// <summary>An operator filters and alerts on a log event's id: each of the server's means one thing.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_EachEventIdAndNameIsTheServersOnly()
    {
        LoggerMessageAttribute[] events =
        [
            .. typeof(AdmissionControl).Assembly.GetTypes()
                .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
                .OfType<LoggerMessageAttribute>(),
        ];

        Assert.True(events.Length > 30, $"Only {events.Length} logger messages found.");
        Assert.Empty(events.GroupBy(e => e.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.EventName))}"));
        Assert.Empty(events.GroupBy(e => e.EventName).Where(g => g.Count() > 1).Select(g => g.Key));
    }
}
