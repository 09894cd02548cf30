using System.Buffers;
using System.IO.Pipelines;

namespace GameServer.Spectators;

/// <summary>A spectator's stream on Kestrel's response: frames are copied into its pipe, a burst per flush.</summary>
internal sealed class ResponseOutput(HttpContext context) : ISpectatorOutput
{
    private readonly PipeWriter _body = context.Response.BodyWriter;

    public void Add(byte[] frame) => _body.Write(frame);

    public async ValueTask FlushAsync(CancellationToken cancellationToken) => await _body.FlushAsync(cancellationToken);

    public void Abort() => context.Abort();
}
