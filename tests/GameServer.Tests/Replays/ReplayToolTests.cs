using System.Diagnostics;
using GameServer.Replays;
using GameServer.Simulation.Replays;

namespace GameServer.Tests.Replays;

/// <summary>The real CLI, <c>GameServer replay verify FILE</c>, as a process: its exit code and its one line.</summary>
public sealed class ReplayToolTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gameserver-tests", "replay-tool-" + Guid.NewGuid().ToString("N"));
    private byte[] _file = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(runningTicks: 60));
        using HttpClient client = server.CreateHttpClient();
        ReplayEntry entry = await ReplayServer.PlayOneAsync(server, client);
        _file = await client.GetByteArrayAsync($"/replays/{entry.Id}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task Verify_RecordedMatch_OkWithTheTicksExit0()
    {
        (int exit, string output) = await VerifyAsync(_file);

        Assert.Equal(0, exit);
        Assert.Matches(@"^OK: \d+ ticks replayed, [1-9]\d* hashes match\.$", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Verify_RecordedTagMatch_OkExit0_AndItsFirstHashTamperedExit1()
    {
        byte[] file;
        await using (TestServer server = await ReplayServer.StartAsync(ReplayServer.ShortRules(), tag: ReplayServer.ShortTag()))
        {
            using HttpClient client = server.CreateHttpClient();
            ReplayEntry entry = await ReplayServer.PlayTagAsync(server, client);
            file = await client.GetByteArrayAsync($"/replays/{entry.Id}");
        }

        byte[] tampered = (byte[])file.Clone();
        (_, _, int payload, int length) = ReplayFileBytes.Find(tampered, ReplayRecordKind.Hash);
        tampered[payload + length - 1] ^= 1;

        (int exit, string output) = await VerifyAsync(file, "tag.replay");
        (int tamperedExit, string tamperedOutput) = await VerifyAsync(tampered, "tampered-tag.replay");

        Assert.Equal(0, exit);
        Assert.Matches(@"^OK: \d+ ticks replayed, [1-9]\d* hashes match\.$", output);
        Assert.Equal(1, tamperedExit);
        Assert.StartsWith("MISMATCH at tick 30: hash ", tamperedOutput);
    }

    [Fact(Timeout = 60_000)]
    public async Task Verify_HashTampered_MismatchAtItsTickExit1()
    {
        byte[] tampered = (byte[])_file.Clone();
        (_, _, int payload, int length) = ReplayFileBytes.Find(tampered, ReplayRecordKind.Hash);
        tampered[payload + length - 1] ^= 1;

        (int exit, string output) = await VerifyAsync(tampered);

        Assert.Equal(1, exit);
        Assert.StartsWith("MISMATCH at tick 30: hash ", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Verify_Truncated_OneLineExit2()
    {
        (int exit, string output) = await VerifyAsync(_file[..^5], "cut.replay");

        Assert.Equal(2, exit);
        Assert.Matches(@"^UNREADABLE: .*cut\.replay: Record \d+ at byte \d+: the file ends inside the record .*: it is truncated\.$", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Verify_Corrupted_OneLineExit2()
    {
        byte[] corrupted = (byte[])_file.Clone();
        (int number, int record, int payload, _) = ReplayFileBytes.Find(corrupted, ReplayRecordKind.Join);
        corrupted[payload + 1] = 0xC1; // A MessagePack code that is never used.

        (int exit, string output) = await VerifyAsync(corrupted);

        Assert.Equal(2, exit);
        Assert.Matches($@"^UNREADABLE: .*match\.replay: Record {number} at byte {record}: the Join payload is corrupted \(Unexpected msgpack code 193 .*\)\.$", output);
    }

    private async Task<(int Exit, string Output)> VerifyAsync(byte[] file, string name = "match.replay")
    {
        string path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, file);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "GameServer.dll"), ReplayTool.Command, "verify", path])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string output = (await stdout + await stderr).Trim();
        Assert.DoesNotContain('\n', output);
        return (process.ExitCode, output);
    }
}
