using JitBot.Core.Requests;
using JitBot.Teams.Activities;
using JitBot.Teams.Cards;
using JitBot.Teams.Chat;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>
/// The card's Universal Actions <c>refresh</c> (<c>jit.refresh</c>): the card as this viewer should see it — the
/// buttons for an approver who may vote, the status and who is asked for everyone else. Changes nothing.
/// </summary>
internal sealed class RefreshCardAction(IRequestStore store, TeamsApprovalCards cards) : ITeamsCardAction
{
    public string Verb => ApprovalCard.RefreshVerb;

    public async Task<InvokeResponse> HandleAsync(CardActionContext action, CancellationToken cancellationToken) =>
        await store.GetAsync(action.RequestId, cancellationToken) is { } request
            ? InvokeResponse.Card(await cards.ForViewerAsync(request, action.Person, cancellationToken))
            : InvokeResponse.Message($"There is no request {action.RequestId}.");
}
