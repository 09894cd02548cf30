namespace GameServer.Protocol.Schema;

/// <summary>One field of a game's input message, an integer in [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
/// <param name="Wrap">Whether the range is circular (an angle): <paramref name="Max"/> is next to <paramref name="Min"/>.</param>
public sealed record InputField(string Name, int Min, int Max, bool Wrap = false);
