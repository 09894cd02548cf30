namespace GameServer.Simulation;

/// <summary>Integer vector helpers: the step never uses floating point, so every platform computes the same bits.</summary>
internal static class FixedMath
{
    /// <summary>The floor of the square root of a non-negative number.</summary>
    public static long Sqrt(long value)
    {
        ulong n = (ulong)value;
        ulong result = 0;
        ulong bit = 1UL << 62;
        while (bit > n)
        {
            bit >>= 2;
        }

        while (bit != 0)
        {
            if (n >= result + bit)
            {
                n -= result + bit;
                result = (result >> 1) + bit;
            }
            else
            {
                result >>= 1;
            }

            bit >>= 2;
        }

        return (long)result;
    }

    /// <summary>The ceiling of the square root of a non-negative number.</summary>
    public static long SqrtCeiling(long value)
    {
        long root = Sqrt(value);
        return root * root < value ? root + 1 : root;
    }

    public static long LengthSquared(int x, int y) => ((long)x * x) + ((long)y * y);

    /// <summary>Shortens (x, y) to at most <paramref name="max"/> long, keeping its direction.</summary>
    /// <remarks>
    /// Dividing by the ceiling of the length and truncating toward zero can only shorten each component, so the
    /// result is never longer than <paramref name="max"/>: rounding never grants speed.
    /// </remarks>
    public static void ClampLength(ref int x, ref int y, int max)
    {
        long lengthSquared = LengthSquared(x, y);
        if (lengthSquared <= (long)max * max)
        {
            return;
        }

        long length = SqrtCeiling(lengthSquared);
        x = (int)((long)x * max / length);
        y = (int)((long)y * max / length);
    }

    /// <summary>Moves (x, y) toward (targetX, targetY) by at most <paramref name="maxStep"/>.</summary>
    public static void StepToward(ref int x, ref int y, int targetX, int targetY, int maxStep)
    {
        int dx = targetX - x;
        int dy = targetY - y;
        ClampLength(ref dx, ref dy, maxStep);
        x += dx;
        y += dy;
    }
}
