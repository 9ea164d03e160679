using JitBot.Core.Audit;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Commands;

/// <summary><c>cancel &lt;id&gt;</c>: the requester withdraws a pending request.</summary>
public sealed class CancelHandler(IRequestStore store, AuditTrail audit, IWorkScheduler scheduler, TimeProvider time)
{
    public async Task<CommandReply> HandleAsync(ChatContext context, string requestId, CancellationToken cancellationToken)
    {
        var result = await store.UpdateAsync(requestId, r => r.Cancel(context.Person, time.GetUtcNow()), cancellationToken);
        if (result.After is null)
        {
            return new CommandReply(result.Refusal?.Message ?? $"There is no request {requestId}.");
        }

        await audit.RecordAsync(AuditEventTypes.Cancelled, result.After, context.Person.Email, cancellationToken);
        await scheduler.EnqueueAsync(new Work.Announce(requestId, Notice.Cancelled), cancellationToken);
        return new CommandReply($"{requestId} is cancelled.");
    }
}
