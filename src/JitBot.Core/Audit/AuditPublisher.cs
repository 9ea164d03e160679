using JitBot.Core.Chat;

namespace JitBot.Core.Audit;

/// <summary>Posts a stored audit event as one line to every platform's audit channel.</summary>
public sealed class AuditPublisher(IAuditLog log, IEnumerable<IChatPlatform> platforms)
{
    public async Task PostAsync(string eventId, CancellationToken cancellationToken)
    {
        var auditEvent = await log.GetAsync(eventId, cancellationToken);
        if (auditEvent is null)
        {
            return;
        }

        await PostNoticeAsync(AuditLine.Format(auditEvent), cancellationToken);
    }

    public async Task PostNoticeAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var platform in platforms)
        {
            await platform.PostAuditLineAsync(text, cancellationToken);
        }
    }
}
