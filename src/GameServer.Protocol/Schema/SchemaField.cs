namespace GameServer.Protocol.Schema;

/// <summary>One integer field of the entities of some kinds, in the game's wire units.</summary>
/// <param name="Name">Unique in the schema.</param>
/// <param name="Min">The least value; with <paramref name="Max"/> it sizes the field on the wire.</param>
/// <param name="Max">The greatest value.</param>
/// <param name="Kinds">The names of the kinds whose entities have the field; the others never spend a bit on it.</param>
/// <param name="Scale">Wire units per world unit, for clients' display (16 for positions in 1/16 unit). Default 1.</param>
/// <param name="Wrap">Whether the range is circular (angles), so that clients interpolate across the seam. Default false.</param>
/// <param name="Prediction">How a change is coded. Default <see cref="FieldPrediction.None"/>.</param>
/// <param name="VelocityField">For <see cref="FieldPrediction.Velocity"/>, the field it advances by each tick, declared before it.</param>
public sealed record SchemaField(
    string Name,
    int Min,
    int Max,
    IReadOnlyList<string> Kinds,
    double Scale = 1,
    bool Wrap = false,
    FieldPrediction Prediction = FieldPrediction.None,
    string? VelocityField = null);
