using GameServer.Simulation.Replays;

namespace GameServer.Tests.Replays;

/// <summary>Finds records in a replay file by the format's framing (kind, varint length, payload), to corrupt them on purpose.</summary>
internal static class ReplayFileBytes
{
    /// <summary>The first record of this kind: its number (from 1), its offset, its payload's offset and length.</summary>
    public static (int Number, int Record, int Payload, int Length) Find(byte[] file, ReplayRecordKind kind)
    {
        int offset = ReplayFormat.HeaderLength;
        for (int number = 1; offset < file.Length; number++)
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
                return (number, offset, at, length);
            }

            offset = at + length;
        }

        throw new InvalidOperationException($"No {kind} record in the file.");
    }
}
