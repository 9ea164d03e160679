using JitBot.Core.Chat;

namespace JitBot.Core.Audit;

/// <summary>Posts an operator notice (not a request's event) to every platform's audit channel.</summary>
public sealed class AuditPublisher(IEnumerable<IChatPlatform> platforms)
{
    public async Task PostNoticeAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var platform in platforms)
        {
            await platform.PostAuditLineAsync(text, cancellationToken);
        }
    }
}
