using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GameServer.Hosting;

/// <summary>
/// Compiles the server's own code before the listener takes players. With tiered compilation off (GameServer.csproj)
/// each method is compiled, optimised, at its first call: on a fresh server the first match's first tick compiled
/// some 700 methods and took 120-210 ms, skipping 1 to 4 ticks and warning that the shard was overloaded on every
/// start (perf/RESULTS.md, "The first tick"). Hosted services start before Kestrel binds, so this runs first,
/// on every core the process may use.
/// </summary>
/// <remarks>
/// Whole assemblies, not a list of hot methods, so that no path is forgotten as the code changes. Open generics are
/// left out: their instantiations are only known at their first call (those over classes share one body, compiled
/// then once). A game written in an assembly of its own is compiled at its first match, as before.
/// </remarks>
internal sealed partial class JitWarmUp(ILogger<JitWarmUp> logger) : IHostedService
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        MethodBase[] methods = [.. ServerAssemblies().SelectMany(static assembly => assembly.GetTypes()).SelectMany(CompilableMethods)];
        Parallel.ForEach(methods, static method => RuntimeHelpers.PrepareMethod(method.MethodHandle));
        LogCompiled(logger, methods.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 8, EventName = "JitWarmedUp", Level = LogLevel.Information,
        Message = "Compiled the server's {MethodCount} methods in {ElapsedMs:F0} ms, before taking players.")]
    private static partial void LogCompiled(ILogger logger, int methodCount, double elapsedMs);

    // This one and those of the solution it builds on, found by name: the host names no game's types (LayeringTests).
    private static IEnumerable<Assembly> ServerAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(JitWarmUp).Assembly]);
        while (pending.TryPop(out Assembly? assembly))
        {
            if (found.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (AssemblyName reference in assembly.GetReferencedAssemblies().Where(static name => name.Name!.StartsWith("GameServer.", StringComparison.Ordinal)))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return found.Values;
    }

    private static IEnumerable<MethodBase> CompilableMethods(Type type) =>
        type.ContainsGenericParameters
            ? []
            : type.GetMethods(DeclaredMembers).Cast<MethodBase>().Concat(type.GetConstructors(DeclaredMembers))
                .Where(static method => !method.IsAbstract && !method.ContainsGenericParameters && HasBody(method));

    // Interop stubs and delegates' Invoke are provided by the runtime, with no IL to compile.
    private static bool HasBody(MethodBase method) =>
        (method.MethodImplementationFlags & (MethodImplAttributes.Runtime | MethodImplAttributes.InternalCall)) == 0
        && (method.Attributes & MethodAttributes.PinvokeImpl) == 0;
}
