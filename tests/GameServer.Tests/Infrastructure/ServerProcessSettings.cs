using System.Runtime.CompilerServices;
using GameServer.Transport;

namespace GameServer.Tests.Infrastructure;

/// <summary>The process-wide settings the real server's Program applies, applied to the test process too, so tests run the server as it runs.</summary>
internal static class ServerProcessSettings
{
    [ModuleInitializer]
    internal static void Apply() => SocketEngine.PreferInlineCompletions();
}
