using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Core.People;
using JitBot.Core.Requests;
using JitBot.Core.Scheduling;

namespace JitBot.Core.Chat;

/// <summary>DMs the requester, on the platform the request was filed on, and the approvers where they voted.</summary>
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

    /// <summary>DMs everyone who approved the request, each on the platform they voted from.</summary>
    public async Task NotifyApproversAsync(string requestId, Notice notice, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return;
        }

        var text = Notices.ForApprovers(request, notice);
        foreach (var vote in request.Votes.Where(v => v.Approve && v.Platform is not null && v.PlatformUserId is not null))
        {
            if (platforms.FirstOrDefault(p => p.Platform == vote.Platform) is { } platform)
            {
                await platform.SendDirectMessageAsync(new Person(vote.Email, vote.DisplayName, vote.Platform!.Value, vote.PlatformUserId!), text, cancellationToken);
            }
        }
    }
}
