namespace GameServer.Protocol.Schema;

/// <summary>What the codec derives from a <see cref="SchemaField"/>: its range's size, its bit width and its velocity's index.</summary>
internal readonly struct FieldLayout(int min, long range, int width, FieldPrediction prediction, int velocity)
{
    public int Min { get; } = min;

    /// <summary>max - min + 1: 1 to 2^32.</summary>
    public long Range { get; } = range;

    /// <summary>Bits of an absolute value (value - min): 0 to 32.</summary>
    public int Width { get; } = width;

    public FieldPrediction Prediction { get; } = prediction;

    /// <summary>The velocity field's index for <see cref="FieldPrediction.Velocity"/>, else -1.</summary>
    public int Velocity { get; } = velocity;

    /// <summary>Brings any value into [min, max] modulo the range: predictions and residuals wrap, so every decode lands in range.</summary>
    public int Wrap(long value)
    {
        long offset = (value - Min) % Range;
        if (offset < 0)
        {
            offset += Range;
        }

        return (int)(Min + offset);
    }

    /// <summary>The residual of <paramref name="value"/> against <paramref name="predicted"/>, the shortest way round the range.</summary>
    public long Residual(int value, int predicted)
    {
        long residual = ((long)value - predicted) % Range;
        if (residual < 0)
        {
            residual += Range;
        }

        return residual >= (Range + 1) / 2 ? residual - Range : residual;
    }
}
