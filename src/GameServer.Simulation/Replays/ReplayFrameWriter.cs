using System.Buffers;
using GameServer.Protocol.Schema;
using MessagePack;

namespace GameServer.Simulation.Replays;

/// <summary>Writes one replay's <see cref="ReplayFrames"/> body: the header once, then a frame per stepped tick.</summary>
internal sealed class ReplayFrameWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly SchemaStateWriter _writer;
    private SchemaWorld _previous;
    private SchemaWorld _current;
    private bool _first = true;

    /// <summary>Writes the header <c>[schema, tickRate]</c>.</summary>
    public ReplayFrameWriter(IBufferWriter<byte> output, GameSchema schema, int tickRate)
    {
        _output = output;
        _writer = new SchemaStateWriter(schema);
        _previous = new SchemaWorld(schema);
        _current = new SchemaWorld(schema);

        var header = new MessagePackWriter(output);
        header.WriteArrayHeader(2);
        schema.Write(ref header);
        header.Write(tickRate);
        header.Flush();
    }

    /// <summary>Writes the match's tick: a Snapshot for the first and every keyframe, else a Delta from the tick before.</summary>
    public void Write(IMatchSimulation match)
    {
        match.WriteState(_current);
        if (_first || _current.Tick % ReplayFrames.KeyframeInterval == 0)
        {
            _writer.WriteSnapshot(_output, _current);
            _first = false;
        }
        else
        {
            _writer.WriteDelta(_output, _previous, _current);
        }

        (_previous, _current) = (_current, _previous);
    }
}
