using GameServer.Simulation.Replays;

namespace GameServer.Tests.Replays;

/// <summary>Finds records in a replay file by the format's framing (kind, varint length, payload), to corrupt them on purpose.</summary>
internal static class ReplayFileBytes
{
    /// <summary>The offset of the first record of this kind, and of its payload.</summary>
    public static (int Record, int Payload, int Length) Find(byte[] file, ReplayRecordKind kind)
    {
        int offset = ReplayFormat.HeaderLength;
        while (offset < file.Length)
        {
            int at = offset + 1;
            int length = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = file[at++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            if (file[offset] == (byte)kind)
            {
                return (offset, at, length);
            }

            offset = at + length;
        }

        throw new InvalidOperationException($"No {kind} record in the file.");
    }
}
