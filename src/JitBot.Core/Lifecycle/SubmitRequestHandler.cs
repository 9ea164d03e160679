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
        var plan = ApprovalPlan.For(resource, role, options);
        var number = await store.NextNumberAsync(cancellationToken);
        var request = new AccessRequest
        {
            Id = RequestIds.From(number),
            Requester = context.Person,
            Resource = resource.Id,
            Role = role.Name,
            Connector = resource.Connector,
            Duration = validated.Duration,
            Reason = validated.Reason,
            ApprovalsNeeded = plan[0].Approvals,
            Stages = plan,
            CreatedAt = time.GetUtcNow(),
        };
        await store.CreateAsync(request, cancellationToken);
        request = request with { Version = 1 };
        await audit.RecordAsync(AuditEventTypes.Submitted, request, context.Person.Email, cancellationToken, detail: $"{Duration.Format(request.Duration)}: {request.Reason}");

        if (await FindAutoApprovalAsync(resource, role, request, cancellationToken) is { } rule
            && await store.UpdateAsync(request.Id, r => r.ApproveByPolicy(rule.Name, time.GetUtcNow()), cancellationToken) is { After: { } approved })
        {
            await audit.RecordAsync(AuditEventTypes.Approved, approved, "policy:" + rule.Name, cancellationToken, detail: $"auto-approved by rule '{rule.Name}'");
            await scheduler.EnqueueAsync(new Work.Grant(approved.Id), cancellationToken);
            return new CommandReply(
                $"{approved.Id} is auto-approved by the {resource.Team} policy rule '{rule.Name}': granting {approved.Resource} {approved.Role} for {Duration.Format(approved.Duration)} now.");
        }

        await scheduler.ScheduleAsync(new Work.ExpirePending(request.Id), request.CreatedAt + options.PendingTimeout, cancellationToken);
        if (role.EscalateAfter is { } escalateAfter && escalateAfter < options.PendingTimeout)
        {
            await scheduler.ScheduleAsync(new Work.Escalate(request.Id), request.CreatedAt + escalateAfter, cancellationToken);
        }

        await scheduler.EnqueueAsync(new Work.PostCards(request.Id), cancellationToken);
        var approvals = plan.Sum(s => s.Approvals) == 1 ? "1 approval" : $"{plan.Sum(s => s.Approvals)} approvals";
        var from = plan.Count > 1 ? $"in {plan.Count} stages ({string.Join(", then ", plan.Select(s => s.Name))})" : $"from the {resource.Team} approvers";
        return new CommandReply(
            $"{request.Id} filed: {request.Resource} {request.Role} for {Duration.Format(request.Duration)}. " +
            $"Waiting for {approvals} {from}; I'll message you when it's decided.");
    }

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
