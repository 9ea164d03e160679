using JitBot.Core.Lifecycle;
using JitBot.Slack.Cards;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>The card's <c>jit.deny</c> button (no reason: a reason can be given with <c>/jit deny &lt;id&gt; …</c>).</summary>
internal sealed class DenyButtonHandler(IVoteHandler votes) : VoteButtonHandler(votes, ApprovalCard.DenyActionId, approve: false);
