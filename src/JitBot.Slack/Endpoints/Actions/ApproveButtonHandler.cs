using JitBot.Core.Commands;
using JitBot.Core.Lifecycle;
using JitBot.Slack.Cards;
using JitBot.Slack.People;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>The card's <c>jit.approve</c> button: a vote by the clicker. The core answers a refused vote privately itself.</summary>
internal sealed class ApproveButtonHandler(SlackDirectory directory, IVoteHandler votes) : PersonActionHandler(directory)
{
    public override string ActionId => ApprovalCard.ApproveActionId;

    protected override async Task<string?> RunAsync(ChatContext clicker, SlackClick click, CancellationToken cancellationToken)
    {
        await votes.HandleAsync(clicker, click.Value.Trim(), approve: true, reason: null, cancellationToken);
        return null;
    }
}
