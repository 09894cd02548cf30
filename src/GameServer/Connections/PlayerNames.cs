using System.Text;
using GameServer.Protocol;

namespace GameServer.Connections;

/// <summary>
/// The rule for player names: 1 to 16 characters (Unicode code points), at most 48 bytes of UTF-8, not all white
/// space, no control characters and no line or paragraph separators (they would reach other players' screens and the
/// SSE feed).
/// </summary>
public static class PlayerNames
{
    public static bool IsValid(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || Encoding.UTF8.GetByteCount(name) > ProtocolConstants.MaxNameBytes)
        {
            return false;
        }

        int characters = 0;
        foreach (Rune rune in name.EnumerateRunes())
        {
            if (++characters > ProtocolConstants.MaxNameChars || Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029)
            {
                return false;
            }
        }

        return true;
    }
}
