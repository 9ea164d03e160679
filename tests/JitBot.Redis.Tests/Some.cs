using JitBot.Core.Audit;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Requests;

namespace JitBot.Redis.Tests;

/// <summary>Test data: requests and audit events with every field filled.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    public static Person Alice => new("alice@example.com", "Alice Archer", Platform.Slack, "U0ALICE");

    public static Person Bob => new("bob@example.com", "Bob Baker", Platform.Teams, "aad-bob");

    public static AccessRequest Request(string id, Person? requester = null, DateTimeOffset? createdAt = null) => new()
    {
        Id = id,
        Requester = requester ?? Alice,
        Resource = "payments-db",
        Role = "readonly",
        Connector = "payments-db",
        Duration = TimeSpan.FromHours(2),
        Reason = "INC-4312 replication lag",
        ApprovalsNeeded = 2,
        CreatedAt = createdAt ?? Now,
    };

    /// <summary>A request that went all the way to revoked, with votes and cards on both platforms.</summary>
    public static AccessRequest FullRequest(string id) => Request(id, createdAt: new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.FromHours(1))) with
    {
        Status = RequestStatus.Revoked,
        Votes =
        [
            new Vote("bob@example.com", "Bob Baker", true, Now.AddMinutes(1), "ok"),
            new Vote("erin@example.com", "Erin Ek", true, Now.AddMinutes(2)),
        ],
        DecidedAt = Now.AddMinutes(2),
        DecidedBy = "bob@example.com, erin@example.com",
        GrantedAt = Now.AddMinutes(2),
        ExpiresAt = Now.AddMinutes(2).AddHours(2),
        ActiveAt = Now.AddMinutes(3).AddTicks(1234567),
        RevocationScheduled = true,
        RevokedAt = Now.AddMinutes(30),
        RevokedBy = "alice@example.com",
        RevocationKind = RevocationKind.Early,
        RevokeConfirmedAt = Now.AddMinutes(31),
        FailureReason = "none, \"quoted\" and ünïcode",
        LatestExtension = "JIT-9",
        AppliedExtensions = ["JIT-8", "JIT-9"],
        CardsSwept = true,
        Cards =
        [
            new CardRef(Platform.Slack, "C0PAYAPPROVE", "1712345678.000100"),
            new CardRef(Platform.Teams, "19:abc@thread.tacv2", "1:activity-id"),
        ],
    };

    public static AuditEvent Event(
        string type = AuditEventTypes.Submitted,
        string requestId = "JIT-1",
        string actor = "alice@example.com",
        string requester = "alice@example.com",
        string resource = "payments-db",
        DateTimeOffset? at = null) =>
        new(type, requestId, actor, requester, resource, "readonly", at ?? Now);
}
