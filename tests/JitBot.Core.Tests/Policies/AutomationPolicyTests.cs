using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Testing.Builders;

namespace JitBot.Core.Tests.Policies;

public sealed class AutomationPolicyTests
{
    private const string Yaml = """
        team: t
        owners: [olivia@example.com]
        groups:
          leads: [bob@example.com, erin@example.com]
          security: [sec@example.com]
          oncall: [alice@example.com]
        resources:
          db:
            connector: c
            requesters: [group:oncall]
            approvers: [group:leads]
            channels: { slack: C1 }
            roles:
              readonly:
                maxDuration: 4h
                autoApprove:
                  - name: oncall-day
                    requesterIn: [group:oncall]
                    maxDuration: 1h
                    hours: Mon-Fri 09:00-17:00 Europe/Berlin
                    reasonMatches: "INC-[0-9]+"
              admin:
                maxDuration: 1h
                sensitive: true
                stages:
                  - { name: lead, approvers: [group:leads] }
                  - { name: security, approvers: [group:security], channels: { slack: C2 } }
        """;

    private static readonly JitOptions Options = new() { SensitiveMinApprovals = 3 };

    private static ResourcePolicy Db => Some.Policies(Yaml).Find("db")!;

    [Theory]
    [InlineData("2026-12-02T09:00:00+01:00", true)]
    [InlineData("2026-12-02T16:59:00+01:00", true)]
    [InlineData("2026-12-02T17:00:00+01:00", false)]
    [InlineData("2026-12-02T08:30:00Z", true)]
    [InlineData("2026-12-05T10:00:00+01:00", false)]
    public void Hours_are_read_in_their_time_zone(string instant, bool inside)
    {
        Assert.True(HoursWindow.TryParse("Mon-Fri 09:00-17:00 Europe/Berlin", out var window, out _));
        Assert.Equal(inside, window!.Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Mon-Fri 9-17")]
    [InlineData("Funday 09:00-17:00")]
    [InlineData("Mon-Fri 17:00-09:00")]
    [InlineData("Mon-Fri 09:00-17:00 Mars/Olympus")]
    public void Bad_hours_are_refused(string text) => Assert.False(HoursWindow.TryParse(text, out _, out _));

    [Fact]
    public void A_rule_approves_only_when_every_condition_holds()
    {
        var role = Db.Roles["readonly"];
        var request = Some.Request(requester: "alice@example.com", duration: TimeSpan.FromMinutes(30)) with { Reason = "INC-12 down" };
        var wednesdayMorning = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal("oncall-day", AutoApproval.FirstMatch(role, request, wednesdayMorning, Options, _ => true)?.Name);
        Assert.Null(AutoApproval.FirstMatch(role, request, wednesdayMorning.AddHours(10), Options, _ => true));
        Assert.Null(AutoApproval.FirstMatch(role, request, wednesdayMorning, Options, _ => false));
        Assert.Null(AutoApproval.FirstMatch(role, request with { Reason = "no ticket" }, wednesdayMorning, Options, _ => true));
        Assert.Null(AutoApproval.FirstMatch(role, request with { Duration = TimeSpan.FromHours(2) }, wednesdayMorning, Options, _ => true));
    }

    [Fact]
    public void The_global_hours_guardrail_wins_over_a_rule()
    {
        Assert.True(HoursWindow.TryParse("Mon-Fri 10:30-12:00 Europe/Berlin", out var allowed, out _));
        var request = Some.Request(duration: TimeSpan.FromMinutes(30)) with { Reason = "INC-12" };
        var wednesdayTen = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1));

        Assert.Null(AutoApproval.FirstMatch(Db.Roles["readonly"], request, wednesdayTen, Options with { AutoApproveHours = allowed }, _ => true));
    }

    [Fact]
    public void A_sensitive_role_gets_at_least_the_global_minimum_of_approvals_in_its_last_stage()
    {
        var plan = ApprovalPlan.For(Db, Db.Roles["admin"], Options);

        Assert.Equal([new StagePlan("lead", 1), new StagePlan("security", 2)], plan);
        Assert.Equal("C2", Db.StagesFor(Db.Roles["admin"])[1].Channels.Slack);
        Assert.Equal("C1", Db.StagesFor(Db.Roles["admin"])[0].Channels.Slack);
    }

    [Fact]
    public void Stages_are_decided_in_order_by_distinct_people()
    {
        var now = DateTimeOffset.UtcNow;
        var request = Some.Request(role: "admin") with { Stages = [new StagePlan("lead", 1), new StagePlan("security", 1)] };
        var leads = new HashSet<string> { "bob@example.com" };
        var security = new HashSet<string> { "sec@example.com", "bob@example.com" };

        var afterLead = request.CastVote(Some.Person("bob@example.com"), true, null, leads, now).Next!;
        Assert.Equal((RequestStatus.Pending, 1), (afterLead.Status, afterLead.Stage));
        Assert.Equal(RefusalReason.StageMoved, afterLead.CastVote(Some.Person("sec@example.com"), true, null, security, now, stage: 0).Refusal?.Reason);
        Assert.Equal(RefusalReason.AlreadyVoted, afterLead.CastVote(Some.Person("bob@example.com"), true, null, security, now, stage: 1).Refusal?.Reason);

        var approved = afterLead.CastVote(Some.Person("sec@example.com"), true, null, security, now, stage: 1).Next!;
        Assert.Equal(RequestStatus.Approved, approved.Status);
    }

    [Fact]
    public void Automation_mistakes_are_named_with_their_lines()
    {
        const string broken = """
            team: t
            groups:
              leads: [bob@example.com]
            resources:
              db:
                connector: c
                requesters: [user:alice@example.com]
                approvers: [group:leads]
                roles:
                  readonly:
                    maxDuration: 1h
                    escalateAfter: 10m
                    autoApprove:
                      - name: everything
                      - name: bad
                        hours: Sometimes
                        reasonMatches: "(["
                  admin:
                    maxDuration: 1h
                    sensitive: true
                    autoApprove:
                      - { name: x, maxDuration: 5m }
            """;

        var problems = PolicyLoader.Load([("t.yaml", broken)], TimeSpan.FromHours(12), null).Problems;

        Assert.Contains(problems, p => p.Line == 12 && p.Message.Contains("no escalationChannel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 14 && p.Message.Contains("no condition", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 16 && p.Message.Contains("hours", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 17 && p.Message.Contains("not a regular expression", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 22 && p.Message.Contains("never auto-approved", StringComparison.Ordinal));
    }
}
