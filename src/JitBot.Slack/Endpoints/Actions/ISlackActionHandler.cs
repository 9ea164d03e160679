namespace JitBot.Slack.Endpoints.Actions;

/// <summary>One interactive element's handler, found by its <c>action_id</c>.</summary>
internal interface ISlackActionHandler
{
    string ActionId { get; }

    /// <summary>Handles the click; returns what to tell the clicker privately, or null for nothing.</summary>
    Task<string?> HandleAsync(SlackClick click, CancellationToken cancellationToken);
}
