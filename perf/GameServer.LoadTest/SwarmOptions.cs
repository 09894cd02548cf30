using GameServer.Protocol;
namespace GameServer.LoadTest;

/// <summary>What the swarm runs: how many bots, against what, for how long, doing what.</summary>
public sealed class SwarmOptions
{
    /// <summary>The server's WebSocket endpoint. Default ws://127.0.0.1:5000/ws.</summary>
    public Uri Url { get; set; } = new("ws://127.0.0.1:5000/ws");

    /// <summary>Bots to start. Default 100.</summary>
    public int Bots { get; set; } = 100;

    /// <summary>The whole run, ramp included. Default 60 s.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bots start evenly spread over this time. Default 10 s.</summary>
    public TimeSpan Ramp { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Inputs per second per bot when playing. Default 20.</summary>
    public double InputsPerSecond { get; set; } = 20;

    /// <summary>Pings per second per bot. Default 1.</summary>
    public double PingsPerSecond { get; set; } = 1;

    /// <summary>Default <see cref="Behaviour.Play"/>.</summary>
    public Behaviour Behaviour { get; set; } = Behaviour.Play;

    /// <summary>The match capacity the server is expected to use; the report checks the grouping against it. Default none.</summary>
    public int? MatchSize { get; set; }

    /// <summary>
    /// The game every bot quick-joins (Join's game; with <see cref="Matchmake"/>, POST /matchmaking's), such as "tag".
    /// Default null: the server's default game.
    /// </summary>
    public string? Game { get; set; }

    /// <summary>A match id every bot joins instead of quick join. Default none.</summary>
    public uint? MatchId { get; set; }

    /// <summary>
    /// The HTTP base URLs of nodes to matchmake on (POST /matchmaking), bot i asking node i mod n; each bot then plays
    /// on the node its seat names. Default none: every bot quick-joins on <see cref="Url"/>.
    /// </summary>
    public IReadOnlyList<Uri> Matchmake { get; set; } = [];

    /// <summary>How long a bot waits for Welcome after its upgrade. Default 10 s.</summary>
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Default <see cref="TransportKind.Raw"/>.</summary>
    public TransportKind Transport { get; set; } = TransportKind.Raw;

    /// <summary>
    /// Whether the raw transport's sends of each scheduler pass, and its reads of each epoll pass, go to the kernel in
    /// one io_uring submission (where the kernel allows one) rather than one send(2) or recv(2) each. Default true.
    /// </summary>
    public bool UseIoUring { get; set; } = true;

    /// <summary>Default <see cref="WireProtocol.V2"/>.</summary>
    public WireProtocol Protocol { get; set; } = WireProtocol.V2;

    /// <summary>The subprotocol the bots offer.</summary>
    public string SubProtocol => Protocol == WireProtocol.V2 ? ProtocolConstants.SubProtocolV2 : ProtocolConstants.SubProtocol;

    /// <summary>Where the JSON report goes; none by default.</summary>
    public string? ReportPath { get; set; }

    /// <summary>Where the HTML report goes. Default: beside the JSON report, with .html.</summary>
    public string? HtmlPath { get; set; }

    /// <summary>
    /// The fraction of the bots dropped abruptly (socket reset, no close frame) per minute, each reconnecting with its
    /// last resume token. Default 0: no churn.
    /// </summary>
    public double Churn { get; set; }

    /// <summary>How long a dropped bot waits before it reconnects (plus up to half a second of jitter). Default 1 s, at least 1 s.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Allows a target that is not a loopback address. Default false: a load test is not an attack.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>The first whole second of the measurement window: after the ramp, once the last bots have settled.</summary>
    public int WindowStartSecond
    {
        get
        {
            int ramp = (int)Math.Ceiling(Ramp.TotalSeconds);
            int settle = Duration.TotalSeconds - ramp >= 8 ? 2 : 1;
            return Math.Min(ramp + settle, WholeSeconds - 1);
        }
    }

    /// <summary>The run's length in whole seconds; the sampler's last second.</summary>
    public int WholeSeconds => Math.Max(1, (int)Math.Round(Duration.TotalSeconds));

    /// <summary>Throws <see cref="ArgumentException"/> with a message that says what to change.</summary>
    public void Validate()
    {
        if (Url.Scheme != "ws")
        {
            throw new ArgumentException($"--url must be a ws:// address (got {Url}); wss is not supported by the swarm.");
        }

        if (Matchmake.Any(node => node.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException("--matchmake takes http:// base URLs of nodes, separated by commas (http://127.0.0.1:5000,http://127.0.0.1:5001).");
        }

        if (Matchmake.Count > 0 && MatchId is not null)
        {
            throw new ArgumentException("--matchmake and --match do not go together: the cluster chooses the match.");
        }

        if (Game is { Length: 0 })
        {
            throw new ArgumentException("--game takes a game's name, such as arena or tag.");
        }

        // The server would refuse every bot with Error 8: say so before a single one connects.
        if (Game == Tag.TagFields.GameName && Protocol == WireProtocol.V1)
        {
            throw new ArgumentException("--game tag is served on protocol v2 only: drop --protocol v1 (v2 is the default).");
        }

        if (Bots is < 1 or > 20_000)
        {
            throw new ArgumentException("--bots must be between 1 and 20000.");
        }

        if (Duration < TimeSpan.FromSeconds(2) || Duration > TimeSpan.FromHours(1))
        {
            throw new ArgumentException("--duration must be between 2 and 3600 seconds.");
        }

        if (Ramp < TimeSpan.Zero || Ramp >= Duration)
        {
            throw new ArgumentException("--ramp must be at least 0 and shorter than --duration.");
        }

        if (InputsPerSecond is < 0 or > 120 || PingsPerSecond is < 0 or > 60)
        {
            throw new ArgumentException("--inputs must be between 0 and 120 and --pings between 0 and 60 per second.");
        }

        if (Churn is < 0 or > 1)
        {
            throw new ArgumentException("--churn must be between 0 and 1 (the fraction of the bots dropped per minute).");
        }

        // A reconnect storm is what the churn must not become: no bot reconnects more than once a second.
        if (ReconnectDelay < TimeSpan.FromSeconds(1) || ReconnectDelay > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException("--reconnect-delay must be between 1 and 60 seconds.");
        }

        if (MatchSize is < 1 or > 256)
        {
            throw new ArgumentException("--match-size must be between 1 and 256.");
        }
    }
}
