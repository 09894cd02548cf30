using System.Runtime.CompilerServices;
using GameServer.Protocol.Schema;

namespace GameServer.Protocol;

/// <summary>An input's field values inline: an input is queued and handed to the game without an allocation.</summary>
/// <remarks>
/// Equality is by value, written out: the runtime's default for a struct compares fields by reflection, which an
/// inline array does not support (it throws), so two inputs could not even be compared.
/// </remarks>
[InlineArray(GameSchema.MaxInputFields)]
public struct InputValues : IEquatable<InputValues>
{
    private int _first;

    public static bool operator ==(InputValues left, InputValues right) => left.Equals(right);

    public static bool operator !=(InputValues left, InputValues right) => !left.Equals(right);

    public readonly bool Equals(InputValues other) => ((ReadOnlySpan<int>)this).SequenceEqual(other);

    public override readonly bool Equals(object? obj) => obj is InputValues other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes((ReadOnlySpan<int>)this));
        return hash.ToHashCode();
    }
}
