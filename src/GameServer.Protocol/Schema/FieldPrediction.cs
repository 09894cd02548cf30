namespace GameServer.Protocol.Schema;

/// <summary>How a delta codes a field that changed: the value a decoder predicts, and so what the wire carries.</summary>
public enum FieldPrediction : byte
{
    /// <summary>Predicted to hold its value; a change carries the new value in the field's bit width.</summary>
    None = 0,

    /// <summary>Predicted to hold its value; a change carries the difference, in a short code (for slow-changing values: aim, scores).</summary>
    Previous = 1,

    /// <summary>Predicted to advance by its velocity field each tick (x by vx); a change carries the residual, in a short code.</summary>
    Velocity = 2,
}
