using GameServer.Arena.Wire;
using GameServer.Protocol;
using GameServer.Protocol.Schema;

namespace GameServer.Client;

/// <summary>Writes an input as the values of the schema's input fields, in their order (for Arena: <c>ArenaSchema.FromInput</c>).</summary>
public delegate void InputValuesWriter(in InputMessage input, Span<int> values);

/// <summary>Settings of a <see cref="GameClient"/>.</summary>
public sealed class GameClientOptions
{
    /// <summary>The first size of the pooled receive buffer; it grows for larger frames. Default 16 KiB.</summary>
    public int ReceiveBufferSize { get; set; } = 16 * 1024;

    /// <summary>The largest frame the client accepts; a larger one ends the connection. Default 4 MiB.</summary>
    public int MaxFrameSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a connect, a join or a round-trip measurement may take. Default 15 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSocket keep-alive ping interval. Default 10 s, like the server's.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The game a quick join (<see cref="GameClient.JoinAsync"/> without a match, <see cref="GameClient.MatchmakeAsync"/>)
    /// looks for, such as "tag"; a server without it answers Error 8 (UnsupportedGame), as it does a v1 client asking for
    /// a game served on v2 only. Default null: the server's default game.
    /// </summary>
    public string? Game { get; set; }

    /// <summary>The protocol to speak: 2 (<c>gameserver.v2</c>, state on the game's schema) or 1 (<c>gameserver.v1</c>). Default 2.</summary>
    public int ProtocolVersion { get; set; } = ProtocolConstants.Version2;

    /// <summary>
    /// On version 2, how the decoded <see cref="SchemaWorld"/> is copied into <see cref="GameClient.World"/> after each
    /// snapshot and delta, for apps and helpers written against <see cref="WorldState"/> (for Arena:
    /// <c>ArenaStateAdapter.ToArena</c>); the own player's input acknowledgement is then set on its entity. Null leaves
    /// <see cref="GameClient.World"/> empty: the app reads <see cref="GameClient.SchemaWorld"/>. Default null.
    /// </summary>
    public Action<SchemaWorld, WorldState>? SchemaToWorld { get; set; }

    /// <summary>
    /// On version 2, how <see cref="GameClient.SendInputAsync(sbyte, sbyte, ushort, Buttons, uint, CancellationToken)"/>'s
    /// input becomes the schema's input values (for Arena: <c>ArenaSchema.FromInput</c>). Without it, send values
    /// with <see cref="GameClient.SendInputValuesAsync"/>. Default null.
    /// </summary>
    public InputValuesWriter? InputToValues { get; set; }
}
