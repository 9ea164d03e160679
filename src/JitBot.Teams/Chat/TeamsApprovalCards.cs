using System.Text.Json.Nodes;
using JitBot.Core.People;
using JitBot.Core.Policies;
using JitBot.Core.Requests;
using JitBot.Teams.Cards;
using JitBot.Teams.State;

namespace JitBot.Teams.Chat;

/// <summary>
/// Gathers what <see cref="ApprovalCard"/> needs beyond the request: the current stage's approvers and the Teams ids known
/// for them (and the requester), then renders the shared card or one viewer's view.
/// </summary>
internal sealed class TeamsApprovalCards(Routing routing, TeamsState state)
{
    /// <summary>The card as posted and updated for the whole conversation.</summary>
    public async Task<JsonObject> ForEveryoneAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var eligible = await EligibleAsync(request, cancellationToken);
        return ApprovalCard.Render(request, new ApprovalCardContext(CardAudience.Asked(request, eligible), await RefreshUserIdsAsync(request, eligible, cancellationToken)));
    }

    /// <summary>The card as <paramref name="viewer"/> sees it after a refresh or a click.</summary>
    public async Task<JsonObject> ForViewerAsync(AccessRequest request, Person viewer, CancellationToken cancellationToken)
    {
        var eligible = await EligibleAsync(request, cancellationToken);
        var context = new ApprovalCardContext(
            CardAudience.Asked(request, eligible),
            await RefreshUserIdsAsync(request, eligible, cancellationToken),
            CardAudience.Classify(request, viewer.Email, eligible),
            viewer.Email);
        return ApprovalCard.Render(request, context);
    }

    /// <summary>The approvers of the stage being decided now (none once the policy has lost the resource).</summary>
    private async Task<IReadOnlySet<string>> EligibleAsync(AccessRequest request, CancellationToken cancellationToken) =>
        request.Status == RequestStatus.Pending && await routing.CurrentApproversAsync(request, cancellationToken) is { } approvers
            ? approvers
            : new HashSet<string>();

    /// <summary>The known <c>29:</c> ids of the approvers still asked, then of the requester, at most 60.</summary>
    private async Task<IReadOnlyList<string>> RefreshUserIdsAsync(AccessRequest request, IReadOnlySet<string> eligible, CancellationToken cancellationToken)
    {
        if (request.Status != RequestStatus.Pending)
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var email in CardAudience.Asked(request, eligible).Append(request.Requester.Email))
        {
            if (ids.Count >= CardAudience.MaxRefreshUsers)
            {
                break;
            }

            if (await state.FindUserIdByEmailAsync(email, cancellationToken) is { } userId && !ids.Contains(userId, StringComparer.Ordinal))
            {
                ids.Add(userId);
            }
        }

        return ids;
    }
}
