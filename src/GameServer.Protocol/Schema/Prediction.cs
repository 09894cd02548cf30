namespace GameServer.Protocol.Schema;

/// <summary>The value a decoder expects a field to have at the delta's tick, which the writer and the reader compute alike.</summary>
internal static class Prediction
{
    /// <param name="before">The entity's values at the base tick.</param>
    /// <param name="after">Its values at the new tick: only the fields before <paramref name="field"/> are read (its velocity).</param>
    /// <param name="elapsed">Ticks from the base to the new tick, 0 to <see cref="SchemaStateReader.MaxDeltaTicks"/>.</param>
    public static int Of(GameSchema schema, int kind, int field, ReadOnlySpan<int> before, ReadOnlySpan<int> after, long elapsed)
    {
        ref readonly FieldLayout layout = ref schema.LayoutOf(field);
        if (layout.Prediction != FieldPrediction.Velocity || !schema.KindHasField(kind, layout.Velocity))
        {
            return before[field];
        }

        // |elapsed × velocity| < 2^47: exact in a long, and in a JavaScript number.
        return layout.Wrap(before[field] + elapsed * after[layout.Velocity]);
    }
}
