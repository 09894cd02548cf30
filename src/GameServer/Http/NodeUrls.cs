using GameServer.Matches;
using GameServer.Protocol;

namespace GameServer.Http;

/// <summary>The WebSocket URL players connect to on a node: its advertised address with ws(s) for http(s) and the player path.</summary>
public static class NodeUrls
{
    public static string WebSocket(NodeAddress node)
    {
        var address = new Uri(node.Value, UriKind.Absolute);
        string scheme = address.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return $"{scheme}://{address.Authority}{address.AbsolutePath.TrimEnd('/')}{ProtocolConstants.Path}";
    }

    /// <summary>This node as the request reached it, on a single node that advertises no address.</summary>
    public static string WebSocket(HttpRequest request) =>
        $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}{request.PathBase}{ProtocolConstants.Path}";
}
