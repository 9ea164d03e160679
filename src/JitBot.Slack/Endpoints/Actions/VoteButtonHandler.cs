using JitBot.Core.Commands;
using JitBot.Core.Lifecycle;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>
/// An approve or deny button: the value is the request id. The core answers a refused click privately
/// itself, so the outcome needs nothing more here.
/// </summary>
internal abstract class VoteButtonHandler(IVoteHandler votes, string actionId, bool approve) : ISlackActionHandler
{
    public string ActionId => actionId;

    public Task HandleAsync(ChatContext clicker, string value, CancellationToken cancellationToken) =>
        votes.HandleAsync(clicker, value.Trim(), approve, reason: null, cancellationToken);
}
