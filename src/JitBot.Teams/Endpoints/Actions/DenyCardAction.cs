using JitBot.Core.Lifecycle;
using JitBot.Core.Requests;
using JitBot.Teams.Cards;
using JitBot.Teams.Chat;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>
/// The <c>jit.deny</c> of the card's Deny form: a deny vote with the reason typed above it (<see cref="DenyReasonInput"/>,
/// in <c>value.action.data</c>), which the requester sees in their DM and everyone on the card.
/// </summary>
internal sealed class DenyCardAction(IVoteHandler votes, IRequestStore store, TeamsApprovalCards cards)
    : VoteCardAction(votes, store, cards, ApprovalCard.DenyVerb, approve: false)
{
    protected override (string? Reason, string? Problem) ReasonOf(CardActionContext action) => DenyReasonInput.Read(action.Data);
}
