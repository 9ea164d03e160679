using JitBot.Core.Policies;
using JitBot.Testing.Builders;

namespace JitBot.Core.Tests.Policies;

public sealed class PolicyLoaderTests
{
    private static PolicyLoadResult Load(params (string File, string Yaml)[] files) =>
        PolicyLoader.Load(files, TimeSpan.FromHours(12), new HashSet<string> { "payments-db" });

    [Fact]
    public void The_example_shape_loads()
    {
        var policies = Some.Policies();
        var db = policies.Find("payments-db")!;

        Assert.Equal("payments", db.Team);
        Assert.Equal("C0PAYAPPROVE", db.Channels.Slack);
        Assert.Equal(2, db.Roles["admin"].Approvals);
        Assert.Equal(TimeSpan.FromHours(4), db.Roles["readonly"].MaxDuration);
        Assert.Contains("erin@example.com", Principals.Approvers(db));
        Assert.True(Principals.IsRequester(db, "DAVE@example.com"));
        Assert.False(Principals.IsRequester(db, "bob@example.com"));
    }

    [Fact]
    public void Bad_yaml_names_file_and_line()
    {
        var result = Load(("broken.yaml", "team: x\nresources:\n  a: [unclosed\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("broken.yaml", problem.File);
        Assert.True(problem.Line >= 3, problem.ToString());
    }

    [Fact]
    public void A_duplicate_resource_names_both_files()
    {
        var result = Load(("a.yaml", Some.PolicyYaml), ("b.yaml", Some.PolicyYaml));

        Assert.Contains(result.Problems, p => p.File == "b.yaml" && p.Message.Contains("a.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_problem_is_named_with_its_line()
    {
        const string yaml = """
            team: t
            resources:
              db:
                connector: nowhere
                requesters: [group:ghosts]
                approvers: [user:bob@example.com]
                roles:
                  readonly: { maxDuration: 13h, approvals: 1 }
                  2h: { maxDuration: 1h }
                  writer: { maxDuration: 1x }
            """;

        var problems = Load(("t.yaml", yaml)).Problems;

        Assert.Contains(problems, p => p.Line == 4 && p.Message.Contains("unknown connector 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 5 && p.Message.Contains("unknown group 'ghosts'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("global cap", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 9 && p.Message.Contains("duration", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 10 && p.Message.Contains("'1x' is not a duration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resource_without_approvers_is_refused()
    {
        const string yaml = """
            team: t
            resources:
              db:
                connector: payments-db
                requesters: ["*"]
                approvers: []
                roles:
                  readonly: { maxDuration: 1h }
            """;

        Assert.Contains(Load(("t.yaml", yaml)).Problems, p => p.Message.Contains("has no approvers", StringComparison.Ordinal));
    }
}
