using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// A request still undecided after its role's <c>escalateAfter</c>: its card goes to the escalation channel
/// and the approvers are reminded, once. <c>Jit:PendingTimeout</c> still ends it.
/// </summary>
public sealed class EscalationHandler(IRequestStore store, Routing routing, IWorkScheduler scheduler, IEnumerable<IChatPlatform> platforms, TimeProvider time)
{
    public async Task HandleAsync(string requestId, CancellationToken cancellationToken)
    {
        var result = await store.UpdateAsync(requestId, r => r.MarkEscalated(time.GetUtcNow()), cancellationToken);
        if (result.After is not { } request)
        {
            return;
        }

        await scheduler.EnqueueAsync(new Work.PostCards(requestId), cancellationToken);
        var waited = TimeSpan.FromMinutes(Math.Max(1, Math.Round((time.GetUtcNow() - request.CreatedAt).TotalMinutes)));
        var text = $"⏰ Reminder: {request.Id} ({request.Requester.Email}: {request.Resource} {request.Role} for {Duration.Format(request.Duration)}) " +
            $"has waited {Duration.Format(waited)} for a decision and is now escalated.";
        var reminded = routing.CardChannels(request with { EscalatedAt = null });
        foreach (var platform in platforms)
        {
            foreach (var channel in reminded.Select(c => c.For(platform.Platform)).OfType<string>().Distinct())
            {
                await platform.PostToChannelAsync(channel, text, cancellationToken);
            }
        }
    }
}
