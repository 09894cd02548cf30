namespace GameServer.Simulation.Replays;

/// <summary>
/// The replay file's constants (docs/replays.md): a 5-byte header, the magic "GSRP" and a version byte, then records,
/// each a kind byte, its payload's length as a LEB128 varint, and the payload, one MessagePack array.
/// </summary>
public static class ReplayFormat
{
    /// <summary>The version this code writes; it reads every version from <see cref="FirstVersion"/> to it.</summary>
    /// <remarks>
    /// Version 3 records any game's inputs (the Start says how many values each has); versions 1 and 2 are Arena's
    /// input layout, version 2 with each input's view tick (lag compensation), version 1 without (read as 0, as it was played).
    /// </remarks>
    public const byte Version = 3;

    /// <summary>The last version whose Step records hold Arena's input layout and whose Start has no input count.</summary>
    public const byte LastArenaLayoutVersion = 2;

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
