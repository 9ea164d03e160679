using JitBot.Core.Audit;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// Files a request: checks it, stores it, approves it at once when an auto-approval rule allows, else
/// schedules its pending timeout, escalation and card; answers with its id.
/// </summary>
public sealed class SubmitRequestHandler(
    IPolicyProvider policies, Routing routing, IRequestStore store, AuditTrail audit, IWorkScheduler scheduler, JitOptions options, TimeProvider time)
{
    public async Task<CommandReply> HandleAsync(ChatContext context, ChatCommand.Request command, CancellationToken cancellationToken)
    {
        var validated = RequestValidator.Validate(command, context.Person.Email, policies.Current, options);
        if (!validated.IsValid)
        {
            return new CommandReply(validated.Problem!);
        }

        var (resource, role) = (validated.Resource, validated.Role);
        var number = await store.NextNumberAsync(cancellationToken);
        var draft = Draft(number, context, resource, role, validated.Duration, validated.Reason);
        return await FileAsync(draft, resource, role, $"{Duration.Format(draft.Duration)}: {draft.Reason}", cancellationToken);
    }

    /// <summary>When a pending request of <paramref name="role"/> is escalated, if its role escalates before it times out.</summary>
    public static DateTimeOffset? EscalatesAt(AccessRequest request, RolePolicy role, JitOptions options) =>
        role.EscalateAfter is { } escalateAfter && escalateAfter < options.PendingTimeout ? request.CreatedAt + escalateAfter : null;

    /// <summary>A new pending request with the stages the policy and the guardrails give it.</summary>
    public AccessRequest Draft(long number, ChatContext context, ResourcePolicy resource, RolePolicy role, TimeSpan duration, string reason)
    {
        var plan = ApprovalPlan.For(resource, role, options);
        return new AccessRequest
        {
            Id = RequestIds.From(number),
            Requester = context.Person,
            Resource = resource.Id,
            Role = role.Name,
            Connector = resource.Connector,
            Duration = duration,
            Reason = reason,
            ApprovalsNeeded = plan[0].Approvals,
            Stages = plan,
            CreatedAt = time.GetUtcNow(),
        };
    }

    /// <summary>Stores a drafted request and routes it: auto-approved when a rule allows, else to its approvers.</summary>
    /// <param name="autoApprove">False when only people may approve it (an extension beyond its role's maxDuration).</param>
    public async Task<CommandReply> FileAsync(
        AccessRequest request, ResourcePolicy resource, RolePolicy role, string detail, CancellationToken cancellationToken, bool autoApprove = true)
    {
        await store.CreateAsync(request, cancellationToken);
        request = request with { Version = 1 };
        await audit.RecordAsync(AuditEventTypes.Submitted, request, request.Requester.Email, cancellationToken, detail: detail);

        if (autoApprove && await FindAutoApprovalAsync(resource, role, request, cancellationToken) is { } rule
            && await store.UpdateAsync(request.Id, r => r.ApproveByPolicy(rule.Name, time.GetUtcNow()), cancellationToken) is { After: { } approved })
        {
            await audit.RecordAsync(AuditEventTypes.Approved, approved, "policy:" + rule.Name, cancellationToken, detail: $"auto-approved by rule '{rule.Name}'");
            scheduler.Submit(new Work.Grant(approved.Id));
            return new CommandReply(
                $"{approved.Id} is auto-approved by the {resource.Team} policy rule '{rule.Name}': {What(approved)} now.");
        }

        // Handed over, not awaited: the answer does not wait for them to be stored (the sweep covers a crash meanwhile).
        scheduler.Submit(new Work.PostCards(request.Id));
        scheduler.Submit(new Work.ExpirePending(request.Id), request.CreatedAt + options.PendingTimeout);
        if (EscalatesAt(request, role, options) is { } escalateAt)
        {
            scheduler.Submit(new Work.Escalate(request.Id), escalateAt);
        }

        var total = request.Stages.Sum(s => s.Approvals);
        var approvals = total == 1 ? "1 approval" : $"{total} approvals";
        var from = request.Stages.Count > 1 ? $"in {request.Stages.Count} stages ({string.Join(", then ", request.Stages.Select(s => s.Name))})" : $"from the {resource.Team} approvers";
        return new CommandReply(
            $"{request.Id} filed: {(request.Extends is null ? $"{request.Resource} {request.Role} for {Duration.Format(request.Duration)}" : $"extend {request.Extends} by {Duration.Format(request.Duration)}")}. " +
            $"Waiting for {approvals} {from}; I'll message you when it's decided.");
    }

    private static string What(AccessRequest request) =>
        request.Extends is null
            ? $"granting {request.Resource} {request.Role} for {Duration.Format(request.Duration)}"
            : $"extending {request.Extends} by {Duration.Format(request.Duration)}";

    private async Task<AutoApproveRule?> FindAutoApprovalAsync(ResourcePolicy resource, RolePolicy role, AccessRequest request, CancellationToken cancellationToken)
    {
        if (role.AutoApprove.Count == 0)
        {
            return null;
        }

        var membership = new Dictionary<AutoApproveRule, bool>();
        foreach (var rule in role.AutoApprove.Where(r => r.RequesterIn.Count > 0))
        {
            membership[rule] = (await routing.ResolveAsync(resource, rule.RequesterIn, cancellationToken)).Contains(request.Requester.Email);
        }

        return AutoApproval.FirstMatch(role, request, time.GetUtcNow(), options, rule => membership.GetValueOrDefault(rule));
    }
}
