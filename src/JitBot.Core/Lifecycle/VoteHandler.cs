using JitBot.Core.Audit;
using JitBot.Core.Chat;
using JitBot.Core.Commands;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>Counts an approve or deny (button or command) once, and starts what the decision sets off.</summary>
public sealed class VoteHandler(Routing routing, IRequestStore store, AuditTrail audit, IWorkScheduler scheduler, TimeProvider time)
    : IVoteHandler
{
    public async Task<VoteOutcome> HandleAsync(ChatContext voter, string requestId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await VoteAsync(voter, requestId, approve, reason, cancellationToken);
        if (!outcome.Counted)
        {
            var person = voter.Person;
            scheduler.Submit(new Work.Reply(new PrivateReply(person.Platform, voter.Channel, person.PlatformUserId, outcome.Message)));
        }

        return outcome;
    }

    public async Task<VoteOutcome> VoteAsync(ChatContext voter, string requestId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return new VoteOutcome(false, $"There is no request {requestId}.");
        }

        var eligible = await routing.CurrentApproversAsync(request, cancellationToken);
        if (eligible is null)
        {
            return new VoteOutcome(false, $"{requestId} is for {request.Resource} {request.Role}, which is no longer in any policy; nobody can approve it.");
        }

        var now = time.GetUtcNow();
        var result = await store.UpdateAsync(requestId, r => r.CastVote(voter.Person, approve, reason, eligible, now, request.Stage), cancellationToken);
        if (result.Refusal?.Reason == RefusalReason.StageMoved)
        {
            // The stage moved on since its approvers were looked up: look them up again for the new one.
            return await VoteAsync(voter, requestId, approve, reason, cancellationToken);
        }

        if (!result.Succeeded)
        {
            return new VoteOutcome(false, result.Refusal?.Message ?? $"There is no request {requestId}.");
        }

        var after = result.After!;
        var before = result.Before!;
        var count = after.Stage > before.Stage
            ? $"{before.ApprovalsNeeded} of {before.ApprovalsNeeded}{StageText(before)}"
            : $"{after.Approvals.Count()} of {after.ApprovalsNeeded}{StageText(after)}";
        await audit.RecordAsync(AuditEventTypes.Vote, after, voter.Person.Email, cancellationToken,
            detail: approve ? $"approve ({count})" : "deny" + (reason is null ? "" : $": {reason}"));
        switch (after.Status)
        {
            case RequestStatus.Approved:
                await audit.RecordAsync(AuditEventTypes.Approved, after, voter.Person.Email, cancellationToken, detail: $"approved by {after.DecidedBy}");
                scheduler.Submit(new Work.Grant(after.Id));
                break;
            case RequestStatus.Denied:
                await audit.RecordAsync(AuditEventTypes.Denied, after, voter.Person.Email, cancellationToken, detail: reason);
                break;
        }

        var notice = after.Status switch
        {
            RequestStatus.Approved => Notice.Approved,
            RequestStatus.Denied => Notice.Denied,
            _ => (Notice?)null,
        };
        scheduler.Submit(new Work.Announce(after.Id, notice));
        if (after.Stage > before.Stage)
        {
            // The next stage's approvers get their own card, in their own channel.
            await scheduler.EnqueueAsync(new Work.PostCards(after.Id), cancellationToken);
        }

        var message = after.Status switch
        {
            RequestStatus.Approved => $"You approved {after.Id}: {count} approvals, it is being granted.",
            RequestStatus.Denied => $"You denied {after.Id}.",
            _ when after.Stage > before.Stage => $"You approved {after.Id}: {count}; it now goes to {after.StageName}.",
            _ => $"Your approval of {after.Id} is counted: {count}.",
        };
        return new VoteOutcome(true, message);
    }

    private static string StageText(AccessRequest request) => request.StageName is { } name ? $" ({name})" : "";
}
