namespace GameServer.Simulation.Replays;

/// <summary>
/// The replay file's constants (docs/replays.md): a 5-byte header, the magic "GSRP" and a version byte, then records,
/// each a kind byte, its payload's length as a LEB128 varint, and the payload, one MessagePack array.
/// </summary>
public static class ReplayFormat
{
    /// <summary>The version this code writes; it reads it and <see cref="FirstVersion"/>.</summary>
    /// <remarks>Version 2 added each input's view tick (lag compensation); a version-1 input is read with view tick 0, which is how it was played.</remarks>
    public const byte Version = 2;

    /// <summary>The oldest version this code reads.</summary>
    public const byte FirstVersion = 1;

    /// <summary>The header's length in bytes: the magic and the version.</summary>
    public const int HeaderLength = 5;

    /// <summary>The largest payload a reader accepts: far above any real record, so a corrupted length fails early.</summary>
    public const int MaxPayloadLength = 1 << 20;

    /// <summary>
    /// The End record's length: its numbers are written at full width, so a file's last bytes are its End record and
    /// a listing reads a file's head and tail only.
    /// </summary>
    public const int EndRecordLength = 1 + 1 + 1 + 5 + 9 + 5 + 5;

    /// <summary>"GSRP".</summary>
    public static ReadOnlySpan<byte> Magic => "GSRP"u8;

    /// <summary>The bytes a file starts with: the magic, then <see cref="Version"/>.</summary>
    public static ReadOnlySpan<byte> Header => [(byte)'G', (byte)'S', (byte)'R', (byte)'P', Version];
}
