namespace GameServer.Simulation;

/// <summary>
/// Integer sine and cosine of wire angles, scaled by <see cref="One"/>. The table is built once from
/// <see cref="Math.Sin(double)"/> over a quarter turn and mirrored, so the step itself never touches floating point
/// and the table is exactly symmetric.
/// </summary>
internal static class Trig
{
    /// <summary>The fixed-point scale of the results: 1.0.</summary>
    public const int One = 1 << 14;

    private const int TableBits = 12;
    private const int TableSize = 1 << TableBits;
    private const int Quarter = TableSize / 4;
    private const int AngleShift = 16 - TableBits;

    private static readonly int[] s_sin = Build();

    public static int Sin(ushort angle) => s_sin[angle >> AngleShift];

    public static int Cos(ushort angle) => s_sin[(ushort)(angle + (Quantization.AngleUnitsPerTurn / 4)) >> AngleShift];

    private static int[] Build()
    {
        var table = new int[TableSize];
        for (int i = 0; i <= Quarter; i++)
        {
            int value = (int)Math.Round(Math.Sin(i * (Math.PI / 2) / Quarter) * One);
            table[i] = value;
            table[(2 * Quarter) - i] = value;
            table[(2 * Quarter) + i] = -value;
            if (i > 0)
            {
                table[TableSize - i] = -value;
            }
        }

        return table;
    }
}
