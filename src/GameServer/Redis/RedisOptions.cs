using System.ComponentModel.DataAnnotations;

namespace GameServer.Redis;

/// <summary>Where the nodes of a cluster share their state (configuration section "Redis"); unset, the server runs alone, all in process.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>The StackExchange.Redis connection string, such as <c>localhost:6379</c>. Default empty: no Redis, everything in process.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>The key of the stream every node appends its spectator feed to. Default <c>gameserver:feed</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:FeedStreamKey must name the stream the spectator feed is kept in.")]
    public string FeedStreamKey { get; set; } = "gameserver:feed";

    /// <summary>About how many events the stream keeps for resumption (trimmed with <c>MAXLEN ~</c>). Default 10000.</summary>
    [Range(1, 100_000_000, ErrorMessage = "Redis:FeedMaxLength must be between 1 and 100000000 events.")]
    public int FeedMaxLength { get; set; } = 10_000;

    /// <summary>
    /// How many feed events this node holds while Redis is slow or away, written in order when it answers again;
    /// beyond that new events are dropped (counted on <c>gameserver.feed.events.failed</c>). Default 8192.
    /// </summary>
    [Range(1, 10_000_000, ErrorMessage = "Redis:FeedQueueCapacity must be between 1 and 10000000 events.")]
    public int FeedQueueCapacity { get; set; } = 8192;

    /// <summary>The address other nodes and clients reach this node at, such as <c>https://node1.example.com</c>. Default empty: the server's first listening URL.</summary>
    public string NodeAddress { get; set; } = "";

    /// <summary>The prefix of the match directory's keys (its nodes, leases and id counter). Default <c>gameserver:</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:DirectoryKeyPrefix must give the prefix of the match directory's keys.")]
    public string DirectoryKeyPrefix { get; set; } = "gameserver:";

    /// <summary>How often the node renews its registration and its matches' leases. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Redis:RenewInterval must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a registration and a lease outlive their last renewal: a node that dies leaves the directory after this. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Redis:LeaseTime must be between 00:00:00.050 and 01:00:00.")]
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
