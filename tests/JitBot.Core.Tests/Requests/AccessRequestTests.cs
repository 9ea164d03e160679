using JitBot.Core.Requests;
using JitBot.Testing.Builders;

namespace JitBot.Core.Tests.Requests;

public sealed class AccessRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 5, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> Leads =
        new HashSet<string>(["bob@example.com", "erin@example.com", "alice@example.com"], StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void One_approval_of_one_approves_and_starts_the_clock()
    {
        var change = Some.Request().CastVote(Some.Person("bob@example.com"), approve: true, null, Leads, Now);

        var next = Assert.IsType<AccessRequest>(change.Next);
        Assert.Equal(RequestStatus.Approved, next.Status);
        Assert.Equal(Now, next.GrantedAt);
        Assert.Equal(Now + TimeSpan.FromHours(2), next.ExpiresAt);
        Assert.Equal("bob@example.com", next.DecidedBy);
    }

    [Fact]
    public void The_requester_never_approves_their_own_request_even_when_the_policy_names_them()
    {
        var change = Some.Request(requester: "alice@example.com").CastVote(Some.Person("ALICE@example.com"), true, null, Leads, Now);

        Assert.Equal(RefusalReason.SelfApprovalForbidden, change.Refusal?.Reason);
    }

    [Fact]
    public void Someone_who_is_not_an_approver_does_not_count()
    {
        var change = Some.Request().CastVote(Some.Person("mallory@example.com"), true, null, Leads, Now);

        Assert.Equal(RefusalReason.NotEligibleApprover, change.Refusal?.Reason);
    }

    [Fact]
    public void Two_of_two_needs_two_distinct_approvers()
    {
        var request = Some.Request(approvals: 2);
        var first = request.CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;
        Assert.Equal(RequestStatus.Pending, first.Status);

        var again = first.CastVote(Some.Person("bob@example.com"), true, null, Leads, Now);
        Assert.Equal(RefusalReason.AlreadyVoted, again.Refusal?.Reason);

        var second = first.CastVote(Some.Person("erin@example.com"), true, null, Leads, Now).Next!;
        Assert.Equal(RequestStatus.Approved, second.Status);
        Assert.Equal(2, second.Approvals.Count());
    }

    [Fact]
    public void A_deny_decides_at_once_with_its_reason()
    {
        var denied = Some.Request(approvals: 2).CastVote(Some.Person("erin@example.com"), false, "freeze", Leads, Now).Next!;

        Assert.Equal(RequestStatus.Denied, denied.Status);
        Assert.Equal("erin@example.com", denied.DecidedBy);
        Assert.Equal("freeze", denied.DenyReason);
    }

    [Fact]
    public void A_decided_request_ignores_further_votes()
    {
        var approved = Some.Request().CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;

        var late = approved.CastVote(Some.Person("erin@example.com"), false, null, Leads, Now);

        Assert.Equal(RefusalReason.AlreadyDecided, late.Refusal?.Reason);
    }

    [Fact]
    public void Only_the_requester_cancels_and_only_while_pending()
    {
        var request = Some.Request();
        Assert.Equal(RefusalReason.NotRequester, request.Cancel(Some.Person("bob@example.com"), Now).Refusal?.Reason);
        Assert.Equal(RequestStatus.Cancelled, request.Cancel(Some.Person("alice@example.com"), Now).Next?.Status);

        var approved = request.CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;
        Assert.Equal(RefusalReason.AlreadyDecided, approved.Cancel(Some.Person("alice@example.com"), Now).Refusal?.Reason);
    }

    [Fact]
    public void The_grant_lifecycle_runs_approved_active_revoked_confirmed()
    {
        var approved = Some.Request().CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;
        var active = approved.Activate(Now).Next!;
        Assert.Equal(RequestStatus.Active, active.Status);
        Assert.True(active.Activate(Now).IsRefused);

        var revoked = active.Revoke("jitbot", RevocationKind.AtExpiry, Now).Next!;
        Assert.Equal(RequestStatus.Revoked, revoked.Status);
        Assert.True(revoked.Revoke("jitbot", RevocationKind.AtExpiry, Now).IsRefused);

        var confirmed = revoked.ConfirmRevoked(Now).Next!;
        Assert.NotNull(confirmed.RevokeConfirmedAt);
        Assert.True(confirmed.ConfirmRevoked(Now).IsRefused);
    }

    [Fact]
    public void Only_a_pending_request_times_out()
    {
        Assert.Equal(RequestStatus.TimedOut, Some.Request().TimeOut(Now).Next?.Status);
        var approved = Some.Request().CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;
        Assert.True(approved.TimeOut(Now).IsRefused);
    }

    [Fact]
    public void A_failed_grant_can_no_longer_be_activated()
    {
        var approved = Some.Request().CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;
        var failed = approved.Fail("webhook 500", Now).Next!;

        Assert.Equal(RequestStatus.Failed, failed.Status);
        Assert.True(failed.Activate(Now).IsRefused);
    }

    [Fact]
    public void An_extension_moves_the_expiry_once_however_often_it_is_applied()
    {
        var grant = Some.Request().CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;
        var extension = Some.Request(id: "JIT-9") with { Extends = grant.Id, Duration = TimeSpan.FromMinutes(30) };

        var extended = grant.Extend(extension).Next!;
        var again = extended.Extend(extension);

        Assert.Equal(Now + TimeSpan.FromHours(2.5), extended.ExpiresAt);
        Assert.Equal(RefusalReason.AlreadyDecided, again.Refusal?.Reason);
        Assert.False(extended.IsOpenExtension(extension with { Status = RequestStatus.Approved }));
    }

    [Fact]
    public void A_grant_holds_one_open_extension_at_a_time()
    {
        var grant = Some.Request().CastVote(Some.Person("bob@example.com"), true, null, Leads, Now).Next!;

        var first = grant.ReserveExtension("JIT-9", previous: null).Next!;
        var second = first.ReserveExtension("JIT-10", previous: null);
        var after = first.ReserveExtension("JIT-10", previous: "JIT-9");

        Assert.Equal("JIT-9", first.LatestExtension);
        Assert.Contains("JIT-9 already asks to extend", second.Refusal?.Message, StringComparison.Ordinal);
        Assert.Equal("JIT-10", after.Next?.LatestExtension);
        Assert.True(first.IsOpenExtension(Some.Request(id: "JIT-9") with { Extends = grant.Id }));
        Assert.False(first.IsOpenExtension(Some.Request(id: "JIT-9") with { Extends = grant.Id, Status = RequestStatus.Denied }));
    }
}
