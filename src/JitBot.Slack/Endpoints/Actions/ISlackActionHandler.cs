using JitBot.Core.Commands;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>One interactive element's handler, found by its <c>action_id</c>.</summary>
internal interface ISlackActionHandler
{
    string ActionId { get; }

    Task HandleAsync(ChatContext clicker, string value, CancellationToken cancellationToken);
}
