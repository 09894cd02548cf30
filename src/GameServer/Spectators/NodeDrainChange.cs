namespace GameServer.Spectators;

/// <summary>A node began (or stopped) draining, on its way to the overview as a <c>node.draining</c> event.</summary>
internal readonly record struct NodeDrainChange(string Node, bool Draining);
