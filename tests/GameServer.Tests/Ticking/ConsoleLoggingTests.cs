using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Ticking;

/// <summary>The tick threads log joins, leaves and closes: a console nobody reads must not make them wait.</summary>
public sealed class ConsoleLoggingTests
{
    [Fact]
    public async Task ConsoleLogger_Default_DropsLinesWhenItsQueueIsFullInsteadOfWaiting()
    {
        await using TestServer server = await TestServer.StartAsync();

        ConsoleLoggerOptions options = server.GetService<IOptions<ConsoleLoggerOptions>>().Value;

        Assert.Equal(ConsoleLoggerQueueFullMode.DropWrite, options.QueueFullMode);
    }

    [Fact]
    public async Task ConsoleLogger_QueueFullModeConfigured_KeepsTheConfiguredMode()
    {
        await using TestServer server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Logging:Console:QueueFullMode"] = "Wait" });

        ConsoleLoggerOptions options = server.GetService<IOptions<ConsoleLoggerOptions>>().Value;

        Assert.Equal(ConsoleLoggerQueueFullMode.Wait, options.QueueFullMode);
    }
}
