using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Requests;

namespace JitBot.Slack.Tests;

/// <summary>Requests in every state, made through the aggregate's own transitions.</summary>
internal static class TestRequests
{
    public static readonly DateTimeOffset Filed = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    public static readonly Person Alice = new("alice@example.com", "Alice Adams", Platform.Slack, "U0ALICE");

    public static readonly Person Bob = new("bob@example.com", "Bob Boss", Platform.Slack, "U0BOB");

    public static readonly Person Erin = new("erin@example.com", "Erin Lead", Platform.Teams, "aad-erin");

    private static readonly HashSet<string> Approvers = new(StringComparer.OrdinalIgnoreCase) { Bob.Email, Erin.Email };

    public static AccessRequest Pending(string reason = "INC-4312 replication lag", int approvalsNeeded = 1, Person? requester = null) => new()
    {
        Id = "JIT-1042",
        Requester = requester ?? Alice,
        Resource = "payments-db",
        Role = "readonly",
        Connector = "payments-db",
        Duration = TimeSpan.FromHours(2),
        Reason = reason,
        ApprovalsNeeded = approvalsNeeded,
        CreatedAt = Filed,
    };

    public static AccessRequest Vote(this AccessRequest request, Person by, bool approve, string? reason = null) =>
        Next(request.CastVote(by, approve, reason, Approvers, Filed.AddMinutes(5)), request);

    public static AccessRequest InState(RequestStatus status)
    {
        var approved = Pending().Vote(Bob, approve: true);
        var at = Filed.AddMinutes(10);
        return status switch
        {
            RequestStatus.Pending => Pending(),
            RequestStatus.Approved => approved,
            RequestStatus.Active => Next(approved.Activate(at), approved),
            RequestStatus.Revoked => Next(approved.Revoke(Alice.Email, RevocationKind.Early, at), approved),
            RequestStatus.Denied => Pending().Vote(Bob, approve: false, reason: "use the replica <please>"),
            RequestStatus.Cancelled => Next(Pending().Cancel(Alice, at), Pending()),
            RequestStatus.TimedOut => Next(Pending().TimeOut(at), Pending()),
            RequestStatus.Failed => Next(approved.Fail("connector payments-db unreachable", at), approved),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    private static AccessRequest Next(Change change, AccessRequest current) =>
        (change.Next ?? throw new InvalidOperationException(change.Refusal!.Message)) with { Version = current.Version + 1 };
}
