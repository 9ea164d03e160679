using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Commands;

/// <summary><c>revoke &lt;id&gt;</c>: the requester, an approver of the resource or an admin ends a grant now.</summary>
public sealed class EarlyRevokeHandler(IRequestStore store, Routing routing, IWorkScheduler scheduler, JitOptions options, TimeProvider time)
{
    public async Task<CommandReply> HandleAsync(ChatContext context, string requestId, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return new CommandReply($"There is no request {requestId}.");
        }

        var email = context.Person.Email;
        var allowed = request.Requester.IsSameAs(email)
            || options.IsAdmin(email)
            || (await routing.AllApproversAsync(request, cancellationToken)).Contains(email);
        if (!allowed)
        {
            return new CommandReply($"Only the requester, an approver of {request.Resource} or an admin can revoke {requestId}.");
        }

        var result = await store.UpdateAsync(requestId, r => r.Revoke(email, RevocationKind.Early, time.GetUtcNow()), cancellationToken);
        if (result.After is null)
        {
            return new CommandReply(result.Refusal?.Message ?? $"There is no request {requestId}.");
        }

        await scheduler.EnqueueAsync(new Work.Revoke(requestId), cancellationToken);
        return new CommandReply($"Revoking {requestId} ({request.Resource} {request.Role}) now.");
    }
}
