using JitBot.Core.Policies;
using JitBot.Core.Requests;

namespace JitBot.Core.Chat;

/// <summary>Posts approval cards to a resource's channels and keeps them showing the request as it is.</summary>
public sealed class CardPublisher(IRequestStore store, Routing routing, IEnumerable<IChatPlatform> platforms)
{
    private const int MaxRefreshRounds = 5;

    public async Task PostAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        if (request is null)
        {
            return;
        }

        var posted = false;
        foreach (var platform in platforms)
        {
            foreach (var channel in routing.CardChannels(request).Select(c => c.For(platform.Platform)).OfType<string>().Distinct())
            {
                if (request.HasCardIn(platform.Platform, channel))
                {
                    continue;
                }

                var card = await platform.PostApprovalCardAsync(channel, request, cancellationToken);
                await store.UpdateAsync(requestId, r => r.AddCard(card), cancellationToken);
                posted = true;
            }
        }

        if (posted)
        {
            // A vote may have landed while the card was on its way: show it.
            var latest = await store.GetAsync(requestId, cancellationToken);
            if (latest is not null && Shown(latest) != Shown(request))
            {
                await RefreshAsync(requestId, cancellationToken);
            }
        }
    }

    public async Task RefreshAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await store.GetAsync(requestId, cancellationToken);
        for (var round = 0; request is not null && round < MaxRefreshRounds; round++)
        {
            foreach (var card in request.Cards)
            {
                var platform = platforms.FirstOrDefault(p => p.Platform == card.Platform);
                if (platform is not null)
                {
                    await platform.UpdateApprovalCardAsync(card, request, cancellationToken);
                }
            }

            // Another change may have raced this update: render again until what is shown is current.
            var latest = await store.GetAsync(requestId, cancellationToken);
            if (latest is null || Shown(latest) == Shown(request))
            {
                return;
            }

            request = latest;
        }
    }

    /// <summary>What a card displays; a change to anything else needs no re-render.</summary>
    private static (RequestStatus, int, bool, int) Shown(AccessRequest request) =>
        (request.Status, request.Votes.Count, request.RevokeConfirmedAt.HasValue, request.Stage);
}
