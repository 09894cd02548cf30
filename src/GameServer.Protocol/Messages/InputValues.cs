using System.Runtime.CompilerServices;
using GameServer.Protocol.Schema;

namespace GameServer.Protocol;

/// <summary>An input's field values inline: an input is queued and handed to the game without an allocation.</summary>
[InlineArray(GameSchema.MaxInputFields)]
public struct InputValues
{
    private int _first;
}
