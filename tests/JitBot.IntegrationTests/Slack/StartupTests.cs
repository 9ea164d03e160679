using JitBot.IntegrationTests.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class StartupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("jitbot-startup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_broken_policy_stops_start_up_with_one_message_naming_file_and_line()
    {
        var policies = Directory.CreateDirectory(Path.Combine(folder, "policies")).FullName;
        await File.WriteAllTextAsync(Path.Combine(policies, "team.yaml"), "team: t\nresources:\n  db:\n    connector: nowhere\n    requesters: [\"*\"]\n    approvers: [user:a@example.com]\n    roles:\n      readonly: { maxDuration: 2h }\n");

        var (exitCode, output, errors) = await BotCli.RunAsync(folder, $"--Policies:Path={policies}", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("team.yaml:4: resource 'db' names unknown connector 'nowhere'", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duration_that_does_not_parse_stops_start_up_naming_the_key()
    {
        var (exitCode, _, errors) = await BotCli.RunAsync(folder, "--Jit:MaxDuration=12hours", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("Jit:MaxDuration: '12hours' is not a duration", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reconciliation_cron_that_does_not_parse_stops_start_up_naming_the_key()
    {
        var (exitCode, _, errors) = await BotCli.RunAsync(folder, "--Scheduling:ReconcileCron=every minute", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("Scheduling:ReconcileCron: 'every minute' is not a cron expression", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_connector_type_stops_start_up_naming_the_key()
    {
        var (exitCode, _, errors) = await BotCli.RunAsync(folder, "--Connectors:x:Type=ftp", "--urls=http://127.0.0.1:0");

        Assert.Equal(1, exitCode);
        Assert.Contains("Connectors:x:Type", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_validate_names_each_problem_with_its_line_and_exits_non_zero()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "a.yaml"), "team: a\nresources:\n  db:\n    connector: c\n    requesters: [group:ghosts]\n    approvers: []\n    roles:\n      readonly: { maxDuration: 20h }\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "b.yaml"), "team: b\nresources: [oops\n");

        var (exitCode, _, errors) = await BotCli.RunAsync(folder, "policies", "validate", folder, "--Connectors:c:Type=webhook", "--Connectors:c:Url=http://127.0.0.1:9/x", "--Connectors:c:Secret=s");

        Assert.Equal(1, exitCode);
        Assert.Contains("a.yaml:5: requesters names unknown group 'ghosts'", errors, StringComparison.Ordinal);
        Assert.Contains("a.yaml:6: resource 'db' role 'readonly' has no approvers", errors, StringComparison.Ordinal);
        Assert.Contains("a.yaml:8: maxDuration 20h", errors, StringComparison.Ordinal);
        Assert.Contains("b.yaml:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_validate_accepts_the_example_policies()
    {
        var root = FindRepositoryRoot();

        var (exitCode, output, errors) = await BotCli.RunAsync(root, "policies", "validate", "manifests/policies");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("OK", output, StringComparison.Ordinal);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "JitBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("no JitBot.sln above the test folder");
    }
}
