using JitBot.Core.Lifecycle;
using JitBot.Core.Requests;
using JitBot.Teams.Activities;
using JitBot.Teams.Chat;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>
/// An Approve or Deny click. Counted: the clicker gets the card as it is now (the core then updates the message for
/// everyone). Refused (not an approver, their own request, decided already, voted already, a reason that won't do):
/// a message only the clicker sees, and nothing changes.
/// </summary>
internal abstract class VoteCardAction(IVoteHandler votes, IRequestStore store, TeamsApprovalCards cards, string verb, bool approve) : ITeamsCardAction
{
    public string Verb => verb;

    public async Task<InvokeResponse> HandleAsync(CardActionContext action, CancellationToken cancellationToken)
    {
        var (reason, problem) = ReasonOf(action);
        if (problem is not null)
        {
            return InvokeResponse.Message(problem);
        }

        var outcome = await votes.VoteAsync(action.Chat, action.RequestId, approve, reason, cancellationToken);
        if (!outcome.Counted)
        {
            return InvokeResponse.Message(outcome.Message);
        }

        var request = await store.GetAsync(action.RequestId, cancellationToken);
        return request is null
            ? InvokeResponse.Message(outcome.Message)
            : InvokeResponse.Card(await cards.ForViewerAsync(request, action.Person, cancellationToken));
    }

    /// <summary>The reason that goes with the vote (none by default), or why the click can't count.</summary>
    protected virtual (string? Reason, string? Problem) ReasonOf(CardActionContext action) => (null, null);
}
