using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Chat;

/// <summary>DMs the requester, on the platform the request was filed on.</summary>
public sealed class RequesterNotifier(IRequestStore store, IEnumerable<IChatPlatform> platforms, JitOptions options)
{
    public async Task NotifyAsync(string requestId, Notice notice, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        var platform = request is null ? null : platforms.FirstOrDefault(p => p.Platform == request.Requester.Platform);
        if (request is null || platform is null)
        {
            return;
        }

        await platform.SendDirectMessageAsync(request.Requester, Notices.Text(request, notice, options), cancellationToken);
    }
}
