using JitBot.Core.Common;
using JitBot.Core.People;

namespace JitBot.Core.Requests;

/// <summary>
/// A request for access and everything that happened to it. It guards its own transitions: each method
/// returns the next state or says why it refuses. <see cref="Version"/> is kept by the store for
/// compare-and-set updates.
/// </summary>
public sealed record AccessRequest
{
    public required string Id { get; init; }

    public required Person Requester { get; init; }

    public required string Resource { get; init; }

    public required string Role { get; init; }

    /// <summary>The connector that grants it, fixed when the request is filed so a policy edit cannot strand a grant.</summary>
    public required string Connector { get; init; }

    public required TimeSpan Duration { get; init; }

    public required string Reason { get; init; }

    /// <summary>Approvals needed in the current stage.</summary>
    public required int ApprovalsNeeded { get; init; }

    /// <summary>The approval stages, decided in order; empty means one stage of <see cref="ApprovalsNeeded"/>.</summary>
    public IReadOnlyList<StagePlan> Stages { get; init; } = [];

    /// <summary>The stage being decided now (0-based).</summary>
    public int Stage { get; init; }

    /// <summary>Set once the request has been escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>The expiry for which the five-minute reminder went out.</summary>
    public DateTimeOffset? RemindedFor { get; init; }

    /// <summary>For an extension: the request whose grant it extends.</summary>
    public string? Extends { get; init; }

    /// <summary>On a grant: the extension filed for it last. At most one extension of a grant is open at a time.</summary>
    public string? LatestExtension { get; init; }

    /// <summary>On a grant: the extensions applied to it. An extension moves the expiry once, however often its job runs.</summary>
    public IReadOnlyList<string> AppliedExtensions { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public RequestStatus Status { get; init; } = RequestStatus.Pending;

    public IReadOnlyList<Vote> Votes { get; init; } = [];

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecidedBy { get; init; }

    public string? DenyReason { get; init; }

    public DateTimeOffset? GrantedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? ActiveAt { get; init; }

    public bool RevocationScheduled { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public RevocationKind? RevocationKind { get; init; }

    public DateTimeOffset? RevokeConfirmedAt { get; init; }

    /// <summary>
    /// The connector was not asked to revoke because an overlapping grant of the same resource and role was still
    /// held; the revocation of the last of them revokes this one too.
    /// </summary>
    public bool RevokeDeferred { get; init; }

    public string? FailureReason { get; init; }

    public IReadOnlyList<CardRef> Cards { get; init; } = [];

    /// <summary>The request sweep has set off this pending request's cards again (it does so once).</summary>
    public bool CardsSwept { get; init; }

    public long Version { get; init; }

    /// <summary>The approvals counted in the current stage.</summary>
    public IEnumerable<Vote> Approvals => Votes.Where(v => v.Approve && v.Stage == Stage);

    public bool IsOpen => Status is RequestStatus.Pending or RequestStatus.Active || Status == RequestStatus.Approved && Extends is null;

    public string? StageName => Stages.Count > 1 ? Stages[Stage].Name : null;

    /// <param name="eligibleApprovers">The approvers of stage <paramref name="stage"/>, the one the voter was checked against.</param>
    public Change CastVote(Person approver, bool approve, string? reason, IReadOnlySet<string> eligibleApprovers, DateTimeOffset now, int stage = 0)
    {
        if (Status != RequestStatus.Pending)
        {
            return Change.Refused(RefusalReason.AlreadyDecided, $"{Id} is already {Describe(Status)}; nothing changed.");
        }

        if (stage != Stage)
        {
            return Change.Refused(RefusalReason.StageMoved, $"{Id} has moved on to its next stage.");
        }

        if (Requester.IsSameAs(approver.Email))
        {
            return Change.Refused(RefusalReason.SelfApprovalForbidden, $"You can't {(approve ? "approve" : "deny")} your own request {Id}.");
        }

        if (Votes.Any(v => string.Equals(v.Email, approver.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return Change.Refused(RefusalReason.AlreadyVoted, $"You have already voted on {Id}.");
        }

        if (!eligibleApprovers.Contains(approver.Email))
        {
            return Change.Refused(RefusalReason.NotEligibleApprover, $"You are not an approver of {Resource}, so your vote on {Id} does not count.");
        }

        var votes = Votes.Append(new Vote(approver.Email, approver.DisplayName, approve, now, reason, Stage) { Platform = approver.Platform, PlatformUserId = approver.PlatformUserId }).ToList();
        if (!approve)
        {
            return Change.To(this with { Votes = votes, Status = RequestStatus.Denied, DecidedAt = now, DecidedBy = approver.Email, DenyReason = reason });
        }

        if (votes.Count(v => v.Approve && v.Stage == Stage) < ApprovalsNeeded)
        {
            return Change.To(this with { Votes = votes });
        }

        if (Stage + 1 < Stages.Count)
        {
            return Change.To(this with { Votes = votes, Stage = Stage + 1, ApprovalsNeeded = Stages[Stage + 1].Approvals });
        }

        return Change.To(Approve(this with { Votes = votes }, string.Join(", ", votes.Where(v => v.Approve).Select(v => v.Email)), now));
    }

    /// <summary>Approved by an auto-approval rule: no person decided.</summary>
    public Change ApproveByPolicy(string ruleName, DateTimeOffset now) =>
        Status == RequestStatus.Pending
            ? Change.To(Approve(this, "policy:" + ruleName, now))
            : Change.Refused(RefusalReason.AlreadyDecided, $"{Id} is already {Describe(Status)}.");

    /// <summary>
    /// Makes <paramref name="extensionId"/> this grant's open extension, provided the one it knew of
    /// (<paramref name="previous"/>) is still the latest: two Extend clicks at once file one extension.
    /// </summary>
    public Change ReserveExtension(string extensionId, string? previous) =>
        Status is not (RequestStatus.Approved or RequestStatus.Active)
            ? Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}; only an active grant can be extended.")
            : LatestExtension == previous
                ? Change.To(this with { LatestExtension = extensionId })
                : Change.Refused(RefusalReason.AlreadyDecided, $"{LatestExtension} already asks to extend {Id}; wait until it is decided.");

    /// <summary>True when <paramref name="extension"/>, an extension of this grant, has not ended and not yet been applied.</summary>
    public bool IsOpenExtension(AccessRequest? extension) =>
        extension is not null && extension.Extends == Id && !AppliedExtensions.Contains(extension.Id)
        && extension.Status is RequestStatus.Pending or RequestStatus.Approved;

    /// <summary>Moves the expiry of an approved or active grant by the duration of <paramref name="extension"/>, once.</summary>
    public Change Extend(AccessRequest extension)
    {
        if (AppliedExtensions.Contains(extension.Id))
        {
            return Change.Refused(RefusalReason.AlreadyDecided, $"{extension.Id} has already extended {Id}.");
        }

        return Status is RequestStatus.Approved or RequestStatus.Active && ExpiresAt is { } expiresAt
            ? Change.To(this with
            {
                ExpiresAt = expiresAt + extension.Duration,
                Duration = Duration + extension.Duration,
                AppliedExtensions = AppliedExtensions.Append(extension.Id).ToList(),
            })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}; only an active grant can be extended.");
    }

    /// <summary>Records that the expiry reminder for the current expiry was sent.</summary>
    public Change MarkReminded() =>
        Status == RequestStatus.Active && ExpiresAt is { } expiresAt && RemindedFor != expiresAt
            ? Change.To(this with { RemindedFor = expiresAt })
            : Change.Refused(RefusalReason.WrongState, $"{Id} needs no reminder.");

    public Change MarkCardsSwept() =>
        Status == RequestStatus.Pending && !CardsSwept
            ? Change.To(this with { CardsSwept = true })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}.");

    public Change MarkEscalated(DateTimeOffset now) =>
        Status == RequestStatus.Pending && EscalatedAt is null
            ? Change.To(this with { EscalatedAt = now })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}.");

    private static AccessRequest Approve(AccessRequest request, string decidedBy, DateTimeOffset now) => request with
    {
        Status = RequestStatus.Approved,
        DecidedAt = now,
        DecidedBy = decidedBy,
        GrantedAt = now,
        ExpiresAt = now + request.Duration,
    };

    public Change Cancel(Person by, DateTimeOffset now)
    {
        if (!Requester.IsSameAs(by.Email))
        {
            return Change.Refused(RefusalReason.NotRequester, $"Only the requester can cancel {Id}.");
        }

        return Status == RequestStatus.Pending
            ? Change.To(this with { Status = RequestStatus.Cancelled, DecidedAt = now, DecidedBy = by.Email })
            : Change.Refused(RefusalReason.AlreadyDecided, $"{Id} is already {Describe(Status)}; only a pending request can be cancelled.");
    }

    public Change TimeOut(DateTimeOffset now) =>
        Status == RequestStatus.Pending
            ? Change.To(this with { Status = RequestStatus.TimedOut, DecidedAt = now, DecidedBy = "jitbot" })
            : Change.Refused(RefusalReason.AlreadyDecided, $"{Id} is already {Describe(Status)}.");

    public Change MarkRevocationScheduled() =>
        Status is RequestStatus.Approved or RequestStatus.Active
            ? Change.To(this with { RevocationScheduled = true })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}.");

    public Change Activate(DateTimeOffset now) =>
        Status == RequestStatus.Approved
            ? Change.To(this with { Status = RequestStatus.Active, ActiveAt = now })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}, not approved.");

    public Change Fail(string reason, DateTimeOffset now) =>
        Status == RequestStatus.Approved
            ? Change.To(this with { Status = RequestStatus.Failed, FailureReason = reason, RevokeConfirmedAt = now })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}, not approved.");

    public Change Revoke(string actor, RevocationKind kind, DateTimeOffset now) =>
        Status is RequestStatus.Approved or RequestStatus.Active
            ? Change.To(this with { Status = RequestStatus.Revoked, RevokedAt = now, RevokedBy = actor, RevocationKind = kind })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}; only an approved or active grant can be revoked.");

    public Change ConfirmRevoked(DateTimeOffset now, bool deferred = false) =>
        Status == RequestStatus.Revoked && RevokeConfirmedAt is null
            ? Change.To(this with { RevokeConfirmedAt = now, RevokeDeferred = deferred })
            : Change.Refused(RefusalReason.WrongState, $"{Id} is {Describe(Status)}.");

    /// <summary>A deferred revocation that the last overlapping grant's revocation has now carried out.</summary>
    public Change CompleteDeferredRevocation() =>
        RevokeDeferred
            ? Change.To(this with { RevokeDeferred = false })
            : Change.Refused(RefusalReason.WrongState, $"{Id} has no deferred revocation.");

    /// <summary>True when <paramref name="other"/> gives the same person the same access.</summary>
    public bool SameAccessAs(AccessRequest other) =>
        other.Id != Id && other.Extends is null && Extends is null && Requester.IsSameAs(other.Requester.Email)
        && other.Resource == Resource && other.Role == Role;

    public Change AddCard(CardRef card) =>
        Cards.Any(c => c.Platform == card.Platform && c.Channel == card.Channel)
            ? Change.Refused(RefusalReason.WrongState, $"{Id} already has a card in {card.Channel}.")
            : Change.To(this with { Cards = Cards.Append(card).ToList() });

    public bool HasCardIn(Platform platform, string channel) => Cards.Any(c => c.Platform == platform && c.Channel == channel);

    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.Pending => "pending",
        RequestStatus.Approved => "approved",
        RequestStatus.Active => "active",
        RequestStatus.Revoked => "revoked",
        RequestStatus.Denied => "denied",
        RequestStatus.Cancelled => "cancelled",
        RequestStatus.TimedOut => "timed out",
        RequestStatus.Failed => "failed",
        _ => status.ToString(),
    };
}
