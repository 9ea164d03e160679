using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Policies;
using JitBot.Core.Requests;

namespace JitBot.Testing.Builders;

/// <summary>Builders for the values tests need, with sensible defaults.</summary>
public static class Some
{
    public const string PolicyYaml = """
        team: payments
        groups:
          oncall: [alice@example.com, dave@example.com]
          leads: [bob@example.com, erin@example.com, alice@example.com]
        resources:
          payments-db:
            description: Payments production PostgreSQL
            connector: payments-db
            requesters: [group:oncall, user:zoe@example.com]
            approvers: [group:leads]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
              admin: { maxDuration: 1h, approvals: 2 }
          payments-cache:
            connector: payments-db
            requesters: ["*"]
            approvers: [user:bob@example.com, user:erin@example.com]
            roles:
              operator: { maxDuration: 30m, approvals: 1 }
        """;

    public static Person Person(string email, Platform platform = Platform.Slack, string? userId = null) =>
        new(email, email.Split('@')[0], platform, userId ?? "U" + email.Split('@')[0].ToUpperInvariant());

    public static PolicySet Policies(string yaml = PolicyYaml, TimeSpan? maxDuration = null)
    {
        var result = PolicyLoader.Load([("payments.yaml", yaml)], maxDuration ?? TimeSpan.FromHours(12), null);
        return result.IsValid
            ? result.Policies
            : throw new InvalidOperationException(string.Join('\n', result.Problems));
    }

    public static AccessRequest Request(
        string id = "JIT-1",
        string requester = "alice@example.com",
        string resource = "payments-db",
        string role = "readonly",
        int approvals = 1,
        TimeSpan? duration = null,
        DateTimeOffset? createdAt = null) => new()
        {
            Id = id,
            Requester = Person(requester),
            Resource = resource,
            Role = role,
            Connector = "payments-db",
            Duration = duration ?? TimeSpan.FromHours(2),
            Reason = "INC-4312 checking lag",
            ApprovalsNeeded = approvals,
            CreatedAt = createdAt ?? new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero),
            Version = 1,
        };
}
