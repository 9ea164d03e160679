using JitBot.Teams.Activities;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>One <c>Action.Execute</c> verb's handler, found by its <see cref="Verb"/>; always answers the invoke.</summary>
internal interface ITeamsCardAction
{
    string Verb { get; }

    /// <summary>Whether the action's <c>data.requestId</c> must name a request (a form's submit names none).</summary>
    bool NeedsRequestId => true;

    Task<InvokeResponse> HandleAsync(CardActionContext action, CancellationToken cancellationToken);
}
