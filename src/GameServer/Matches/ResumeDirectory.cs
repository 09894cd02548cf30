using System.Collections.Concurrent;
using GameServer.Protocol;

namespace GameServer.Matches;

/// <summary>Which match holds the player of each live resume token. Touched on join, resume and leave only.</summary>
public sealed class ResumeDirectory
{
    private readonly ConcurrentDictionary<ResumeToken, MatchHost> _matches = new();

    public void Register(ResumeToken token, MatchHost match) => _matches[token] = match;

    public void Unregister(ResumeToken token) => _matches.TryRemove(token, out _);

    public MatchHost? Find(ResumeToken token) => _matches.TryGetValue(token, out MatchHost? match) ? match : null;
}
