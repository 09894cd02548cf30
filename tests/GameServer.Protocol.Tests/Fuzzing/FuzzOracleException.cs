namespace GameServer.Protocol.Tests.Fuzzing;

/// <summary>
/// A reader returned normally but broke a promise (an undefined status, a world out of id order, a decode that does not
/// survive re-encoding); thrown so that afl-fuzz records the input as a crash, as it does an escaped exception.
/// </summary>
internal sealed class FuzzOracleException(string message) : Exception(message)
{
}
