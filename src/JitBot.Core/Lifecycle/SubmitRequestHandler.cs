using JitBot.Core.Audit;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>Files a request: checks it, stores it, schedules its pending timeout and the card, answers with its id.</summary>
public sealed class SubmitRequestHandler(
    IPolicyProvider policies, IRequestStore store, AuditTrail audit, IWorkScheduler scheduler, JitOptions options, TimeProvider time)
{
    public async Task<CommandReply> HandleAsync(ChatContext context, ChatCommand.Request command, CancellationToken cancellationToken)
    {
        var validated = RequestValidator.Validate(command, context.Person.Email, policies.Current, options);
        if (!validated.IsValid)
        {
            return new CommandReply(validated.Problem!);
        }

        var number = await store.NextNumberAsync(cancellationToken);
        var request = new AccessRequest
        {
            Id = RequestIds.From(number),
            Requester = context.Person,
            Resource = validated.Resource.Id,
            Role = validated.Role.Name,
            Connector = validated.Resource.Connector,
            Duration = validated.Duration,
            Reason = validated.Reason,
            ApprovalsNeeded = validated.Role.Approvals,
            CreatedAt = time.GetUtcNow(),
        };
        await store.CreateAsync(request, cancellationToken);
        request = request with { Version = 1 };

        await audit.RecordAsync(AuditEventTypes.Submitted, request, context.Person.Email, cancellationToken, detail: $"{Duration.Format(request.Duration)}: {request.Reason}");
        await scheduler.ScheduleAsync(new Work.ExpirePending(request.Id), request.CreatedAt + options.PendingTimeout, cancellationToken);
        await scheduler.EnqueueAsync(new Work.PostCards(request.Id), cancellationToken);

        var approvals = request.ApprovalsNeeded == 1 ? "1 approval" : $"{request.ApprovalsNeeded} approvals";
        return new CommandReply(
            $"{request.Id} filed: {request.Resource} {request.Role} for {Duration.Format(request.Duration)}. " +
            $"Waiting for {approvals} from the {validated.Resource.Team} approvers; I'll message you when it's decided.");
    }
}
