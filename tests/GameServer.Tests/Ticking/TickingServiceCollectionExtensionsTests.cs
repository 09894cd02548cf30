using GameServer.Ticking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GameServer.Tests.Ticking;

public sealed class TickingServiceCollectionExtensionsTests
{
    private static ServiceProvider BuildProvider(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddTickLoop(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddTickLoop_ResolvedTwice_TheLoopAndTheHostedServiceAreOneInstance()
    {
        using var provider = BuildProvider();

        var loop = provider.GetRequiredService<TickLoop>();

        Assert.Same(loop, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddTickLoop_NoTickSection_UsesTheDefaults()
    {
        using var provider = BuildProvider();

        var options = provider.GetRequiredService<IOptions<TickOptions>>().Value;

        Assert.Equal(30, options.TickRate);
        Assert.Equal(3, options.MaxCatchUpTicks);
        Assert.Equal(0, options.ShardCount);
        Assert.Equal(Environment.ProcessorCount, provider.GetRequiredService<TickLoop>().ShardCount);
    }

    [Fact]
    public void AddTickLoop_TickSection_IsBound()
    {
        using var provider = BuildProvider(("Tick:TickRate", "60"), ("Tick:MaxCatchUpTicks", "5"), ("Tick:ShardCount", "2"));

        var loop = provider.GetRequiredService<TickLoop>();

        Assert.Equal(60, loop.TickRate);
        Assert.Equal(2, loop.ShardCount);
        Assert.Equal(5, provider.GetRequiredService<IOptions<TickOptions>>().Value.MaxCatchUpTicks);
    }

    [Theory]
    [InlineData("Tick:TickRate", "0", "Tick:TickRate must be between 1 and 240 ticks per second.")]
    [InlineData("Tick:TickRate", "241", "Tick:TickRate must be between 1 and 240 ticks per second.")]
    [InlineData("Tick:MaxCatchUpTicks", "0", "Tick:MaxCatchUpTicks must be between 1 and 100")]
    [InlineData("Tick:ShardCount", "-1", "Tick:ShardCount must be between 0 and 1024")]
    public void AddTickLoop_InvalidSetting_FailsAtStartSayingWhatToChange(string key, string value, string message)
    {
        using var provider = BuildProvider((key, value));

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
