using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Lifecycle;

/// <summary><c>Jit:ExpiryReminder</c> (5 minutes) before a grant ends, the requester is told and offered an extension.</summary>
public sealed class ExpiryReminders(IRequestStore store, IWorkScheduler scheduler, IEnumerable<IChatPlatform> platforms, JitOptions options, TimeProvider time)
{
    public async Task ScheduleAsync(AccessRequest grant, CancellationToken cancellationToken)
    {
        if (grant.ExpiresAt is { } expiresAt && expiresAt - options.ExpiryReminder > time.GetUtcNow())
        {
            await scheduler.ScheduleAsync(new Work.RemindExpiry(grant.Id), expiresAt - options.ExpiryReminder, cancellationToken);
        }
    }

    public async Task RemindAsync(string requestId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reminded = await store.UpdateAsync(
            requestId,
            r => r.ExpiresAt is { } expiresAt && now >= expiresAt - options.ExpiryReminder - TimeSpan.FromSeconds(2) && now < expiresAt
                ? r.MarkReminded()
                : Change.Refused(RefusalReason.WrongState, "not due"),
            cancellationToken);
        if (reminded.After is not { } grant || platforms.FirstOrDefault(p => p.Platform == grant.Requester.Platform) is not { } platform)
        {
            return;
        }

        await platform.SendExpiryReminderAsync(grant, Notices.Text(grant, Notice.ExpiringSoon, options), cancellationToken);
    }
}
