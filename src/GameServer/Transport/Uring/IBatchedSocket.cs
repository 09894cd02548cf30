namespace GameServer.Transport.Uring;

/// <summary>A socket whose sends and reads may go in a <see cref="SocketBatch{TSocket}"/>: told how each went when the batch is submitted.</summary>
internal interface IBatchedSocket
{
    /// <summary>The batch's read: <paramref name="result"/> bytes, now in <paramref name="bytes"/>, or -errno.</summary>
    void OnBatchReceived(int result, ReadOnlySpan<byte> bytes);

    /// <summary>The batch's send of <paramref name="bytes"/>: all of it, part (<paramref name="result"/> bytes), none (-EAGAIN), or failed (-errno).</summary>
    void OnBatchSent(int result, ReadOnlySpan<byte> bytes);
}
