namespace GameServer.Replays;

/// <summary>What a chunk tells the writer.</summary>
internal enum ReplayChunkKind
{
    /// <summary>Bytes to append.</summary>
    Data,

    /// <summary>Bytes to append, then the file is complete: it gets its name and joins the catalog.</summary>
    Last,

    /// <summary>The recording was given up (its bytes could not all be queued): the file is deleted.</summary>
    Abandoned,
}
