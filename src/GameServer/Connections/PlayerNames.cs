using GameServer.Protocol;

namespace GameServer.Connections;

/// <summary>The rule for player names: 1 to 16 characters, not all blank, no control characters (they would reach other players' screens and the SSE feed).</summary>
public static class PlayerNames
{
    public static bool IsValid(string name)
    {
        if (name.Length is 0 or > ProtocolConstants.MaxNameChars || string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return false;
            }
        }

        return true;
    }
}
