using System.Globalization;

namespace GameServer.LoadTest;

/// <summary>Reads <see cref="SwarmOptions"/> from the command line (<c>--name value</c> pairs).</summary>
public static class SwarmOptionsParser
{
    public const string Usage = """
        Usage: GameServer.LoadTest [options]
          --url URL            the server's WebSocket endpoint (default ws://127.0.0.1:5000/ws)
          --bots N             bots to run (default 100)
          --duration S         seconds the whole run lasts, ramp included (default 60)
          --ramp S             seconds over which the bots start (default 10)
          --inputs R           inputs per second per bot (default 20)
          --pings R            pings per second per bot (default 1)
          --behaviour B        play or idle (no inputs) (default play); play in arena moves and fires at random, in tag
                               "it" chases the nearest player who is not immune and the others flee from "it"
          --game NAME          the game to quick-join, such as arena or tag (tag on protocol v2 only) (default: the server's)
          --match-size N       the server's match capacity, to check how the bots were grouped
          --match ID           join this match id instead of quick join
          --matchmake URLS     get each bot a seat from POST /matchmaking on these nodes (http:// bases, comma-separated,
                               bot i asking node i mod n), then play on the node the seat names (default: quick join on --url)
          --join-timeout S     seconds to wait for Welcome (default 10)
          --transport T        raw (default) or clientwebsocket
          --io-uring B         true (default): the raw transport's sends of a scheduler pass, and its reads of an epoll
                               pass, go in one io_uring submission where the kernel allows; false: one call each
          --protocol P         v2 (default, gameserver.v2) or v1 (gameserver.v1)
          --churn F            fraction of the bots dropped abruptly per minute, each resuming with its token (default 0)
          --reconnect-delay S  seconds a dropped bot waits before it reconnects, at least 1 (default 1)
          --report PATH        write the JSON report here (and the HTML report beside it)
          --html PATH          write the HTML report here
          --allow-remote       allow a target that is not a loopback address
        """;

    public static SwarmOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SwarmOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name == "--allow-remote")
            {
                options.AllowRemote = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            string value = args[++i];
            switch (name)
            {
                case "--url": options.Url = new Uri(value); break;
                case "--bots": options.Bots = ParseInt(name, value); break;
                case "--duration": options.Duration = TimeSpan.FromSeconds(ParseDouble(name, value)); break;
                case "--ramp": options.Ramp = TimeSpan.FromSeconds(ParseDouble(name, value)); break;
                case "--inputs": options.InputsPerSecond = ParseDouble(name, value); break;
                case "--pings": options.PingsPerSecond = ParseDouble(name, value); break;
                case "--behaviour" or "--behavior": options.Behaviour = ParseEnum<Behaviour>(name, value); break;
                case "--match-size": options.MatchSize = ParseInt(name, value); break;
                case "--game": options.Game = value; break;
                case "--match": options.MatchId = (uint)ParseInt(name, value); break;
                case "--matchmake": options.Matchmake = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url => new Uri(url))]; break;
                case "--join-timeout": options.JoinTimeout = TimeSpan.FromSeconds(ParseDouble(name, value)); break;
                case "--transport": options.Transport = ParseEnum<TransportKind>(name, value); break;
                case "--io-uring": options.UseIoUring = ParseBool(name, value); break;
                case "--protocol": options.Protocol = ParseEnum<WireProtocol>(name, value); break;
                case "--churn": options.Churn = ParseDouble(name, value); break;
                case "--reconnect-delay": options.ReconnectDelay = TimeSpan.FromSeconds(ParseDouble(name, value)); break;
                case "--report": options.ReportPath = value; break;
                case "--html": options.HtmlPath = value; break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }

        options.Validate();
        return options;
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result) && result >= 0
            ? result
            : throw new ArgumentException($"{name} takes a non-negative whole number, not '{value}'.");

    private static double ParseDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double result) && result >= 0
            ? result
            : throw new ArgumentException($"{name} takes a non-negative number, not '{value}'.");

    private static bool ParseBool(string name, string value) =>
        bool.TryParse(value, out bool result) ? result : throw new ArgumentException($"{name} takes true or false, not '{value}'.");

    private static T ParseEnum<T>(string name, string value)
        where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out T result) && Enum.IsDefined(result)
            ? result
            : throw new ArgumentException($"{name} takes one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}, not '{value}'.");
}
