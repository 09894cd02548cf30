using GameServer.Admission;

namespace GameServer.Tests.Health;

/// <summary>An admission control the test switches to refusing.</summary>
internal sealed class FakeAdmission : IPlayerAdmission
{
    private volatile string? _reason;

    public bool IsRefusingPlayers => _reason is not null;

    public string? RefusalReason => _reason;

    public void Refuse(string reason) => _reason = reason;
}
