using JitBot.Core.Lifecycle;
using JitBot.Core.Requests;
using JitBot.Teams.Cards;
using JitBot.Teams.Chat;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>The card's <c>jit.deny</c> button (no reason: a reason can be given with <c>deny &lt;id&gt; …</c>).</summary>
internal sealed class DenyCardAction(IVoteHandler votes, IRequestStore store, TeamsApprovalCards cards)
    : VoteCardAction(votes, store, cards, ApprovalCard.DenyVerb, approve: false);
