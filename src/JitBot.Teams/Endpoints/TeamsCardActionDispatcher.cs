using System.Text.Json.Nodes;
using JitBot.Teams.Activities;
using JitBot.Teams.Endpoints.Actions;
using JitBot.Teams.People;
using Microsoft.Extensions.Logging;

namespace JitBot.Teams.Endpoints;

/// <summary>
/// An <c>adaptiveCard/action</c> invoke: reads <c>value.action</c> (an <c>Action.Execute</c> with a verb and
/// <c>data.requestId</c>), knows the clicker, and hands it to the verb's handler. Every path answers with a
/// well-formed invoke response, never an empty body: an error banner would make Teams retry the click.
/// </summary>
internal sealed partial class TeamsCardActionDispatcher(
    TeamsDirectory directory,
    IEnumerable<ITeamsCardAction> actions,
    ILogger<TeamsCardActionDispatcher> logger)
{
    public const string InvokeName = "adaptiveCard/action";

    public const string FailureText = "Sorry, something went wrong while handling that click. Please try again in a moment.";

    /// <summary>How long the member lookup may take: the invoke answer must come back promptly.</summary>
    public static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(4);

    private readonly Dictionary<string, ITeamsCardAction> _actions = actions.ToDictionary(a => a.Verb, StringComparer.Ordinal);

    public async Task<InvokeResponse> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var action = (activity.Value as JsonObject)?["action"] as JsonObject;
        if (Text(action?["type"]) != "Action.Execute")
        {
            return InvokeResponse.Error(400, "NotSupported", "Only Action.Execute is supported.");
        }

        var verb = Text(action?["verb"]);
        if (verb is null || !_actions.TryGetValue(verb, out var handler))
        {
            Log.UnknownVerb(logger, verb ?? "(none)");
            return InvokeResponse.Error(400, "BadRequest", "This card action is not known to JitBot.");
        }

        var requestId = Text((action?["data"] as JsonObject)?["requestId"])?.Trim() ?? "";
        if (handler.NeedsRequestId && requestId.Length == 0)
        {
            return InvokeResponse.Error(400, "BadRequest", "The card action names no request.");
        }

        try
        {
            var lookup = await directory.FindSenderAsync(activity, LookupBudget, cancellationToken);
            if (lookup.Person is not { } person)
            {
                return InvokeResponse.Message(lookup.Problem ?? TeamsDirectory.NoEmailProblem);
            }

            return await handler.HandleAsync(new CardActionContext(person, activity, requestId), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ActionFailed(logger, verb, requestId, ex);
            return InvokeResponse.Message(FailureText);
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "Ignored a Teams card action with verb {Verb}")]
        public static partial void UnknownVerb(ILogger logger, string verb);

        [LoggerMessage(EventId = 4402, Level = LogLevel.Error, Message = "The Teams card action {Verb} on {RequestId} failed")]
        public static partial void ActionFailed(ILogger logger, string verb, string requestId, Exception exception);
    }
}
