namespace GameServer.Admission;

/// <summary>The default <see cref="IPlayerAdmission"/>: never refuses players.</summary>
public sealed class OpenAdmission : IPlayerAdmission
{
    public bool IsRefusingPlayers => false;

    public string? RefusalReason => null;
}
