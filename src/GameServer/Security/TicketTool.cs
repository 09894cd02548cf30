using System.Security.Cryptography;

namespace GameServer.Security;

/// <summary>
/// <c>dotnet run --project src/GameServer -- issue-ticket --name Ada [--match 7] [--ttl 300] [--player id]</c>:
/// signs a join ticket with the configured secret, for testing a server that requires tickets.
/// </summary>
public static class TicketTool
{
    public const string Command = "issue-ticket";

    public static int Run(string[] args)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        byte[]? key = configuration["Tickets:Secret"] is string secret ? TicketCodec.TryDecodeKey(secret) : null;
        string? name = configuration["name"];
        if (key is null || name is null)
        {
            Console.Error.WriteLine("Usage: issue-ticket --name NAME [--match ID] [--ttl SECONDS] [--player ID], with Tickets:Secret configured.");
            return 2;
        }

        long ttl = long.TryParse(configuration["ttl"], out long seconds) ? seconds : 300;
        var ticket = new JoinTicket(
            configuration["player"] ?? name,
            name,
            uint.TryParse(configuration["match"], out uint match) ? match : null,
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ttl,
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        Console.WriteLine(TicketCodec.Sign(ticket, key));
        return 0;
    }
}
