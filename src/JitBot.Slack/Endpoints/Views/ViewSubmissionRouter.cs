using JitBot.Slack.People;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints.Views;

/// <summary>
/// A verified <c>view_submission</c> payload: the submitter is looked up and the view goes to its handler by
/// <c>callback_id</c>. Whatever goes wrong is shown in the modal, under the handler's problem block.
/// </summary>
internal sealed partial class ViewSubmissionRouter(IEnumerable<ISlackViewHandler> handlers, SlackDirectory directory, ILogger<ViewSubmissionRouter> logger)
{
    public const string FailureText = "Sorry, something went wrong. Please try again in a moment.";

    private readonly Dictionary<string, ISlackViewHandler> _handlers = handlers.ToDictionary(h => h.CallbackId, StringComparer.Ordinal);

    public async Task<IResult> HandleAsync(InteractionPayload payload, CancellationToken cancellationToken)
    {
        if (payload.View is not { CallbackId: { } callbackId } view || !_handlers.TryGetValue(callbackId, out var handler))
        {
            Log.Ignored(logger, payload.View?.CallbackId ?? "-");
            return Results.Ok();
        }

        if (payload.User?.Id is not { Length: > 0 } userId)
        {
            return Results.Text("missing user", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var lookup = await directory.FindPersonAsync(userId, SlackRequestReader.LookupBudget, cancellationToken);
            var answer = lookup.Person is { } person
                ? await handler.HandleAsync(person, view, cancellationToken)
                : ViewAnswer.Error(handler.ProblemBlockId, lookup.Problem ?? SlackDirectory.NoEmailProblem);
            return answer.ToResult();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.SubmissionFailed(logger, callbackId, userId, ex);
            return ViewAnswer.Error(handler.ProblemBlockId, FailureText).ToResult();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3604, Level = LogLevel.Debug, Message = "Ignored a Slack view submission {CallbackId}")]
        public static partial void Ignored(ILogger logger, string callbackId);

        [LoggerMessage(EventId = 3605, Level = LogLevel.Error, Message = "The Slack view submission {CallbackId} by {UserId} failed")]
        public static partial void SubmissionFailed(ILogger logger, string callbackId, string userId, Exception exception);
    }
}
