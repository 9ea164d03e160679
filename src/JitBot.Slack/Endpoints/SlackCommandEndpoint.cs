using JitBot.Core.Commands;
using JitBot.Slack.Cards;
using JitBot.Slack.Modals;
using JitBot.Slack.People;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints;

/// <summary>
/// <c>POST /slack/commands</c>: verify → parse the form → resolve the person → the core's router → ephemeral JSON.
/// <c>/jit request</c> with no arguments opens the request form instead (and answers an empty 200).
/// </summary>
internal sealed partial class SlackCommandEndpoint(
    SlackRequestReader reader,
    SlackDirectory directory,
    ICommandRouter router,
    RequestFormOpener forms,
    ILogger<SlackCommandEndpoint> logger)
{
    /// <summary>
    /// How long <c>/jit request</c> (the form) may wait for users.info: the trigger id that opens the form lasts 3 seconds,
    /// and views.open needs its share of them.
    /// </summary>
    public static readonly TimeSpan FormLookupBudget = TimeSpan.FromSeconds(1.5);

    public const string FailureText = "Sorry, something went wrong while handling that command. Please try again in a moment.";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var inbound = await reader.ReadAsync(request, cancellationToken);
        if (inbound.Rejection is { } rejection)
        {
            return rejection;
        }

        var form = SlackForm.Parse(inbound.Body);
        if (form["ssl_check"] == "1")
        {
            return Results.Ok();
        }

        if (form["user_id"] is not { Length: > 0 } userId || form["channel_id"] is not { Length: > 0 } channelId)
        {
            return Results.Text("missing user_id or channel_id", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        var text = (form["text"] ?? "").Trim();
        var openForm = CommandParser.Parse(text) is ChatCommand.OpenForm;
        try
        {
            var lookup = await directory.FindPersonAsync(userId, openForm ? FormLookupBudget : SlackRequestReader.LookupBudget, cancellationToken);
            if (lookup.Person is not { } person)
            {
                return Ephemeral(lookup.Problem ?? SlackDirectory.NoEmailProblem);
            }

            if (openForm)
            {
                // An open form is the whole answer: an empty 200 shows nothing more.
                return await forms.OpenAsync(person, form["trigger_id"], channelId, cancellationToken) is { } problem
                    ? Ephemeral(problem)
                    : Results.Ok();
            }

            var reply = await router.HandleAsync(new ChatContext(person, channelId), text, cancellationToken);
            return Ephemeral(reply.Text);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CommandFailed(logger, userId, ex);
            return Ephemeral(FailureText);
        }
    }

    private static IResult Ephemeral(string text) => Results.Json(SlackCommandResponse.Ephemeral(Mrkdwn.Escape(text)));

    private static partial class Log
    {
        [LoggerMessage(EventId = 3501, Level = LogLevel.Error, Message = "A Slack command from {UserId} failed")]
        public static partial void CommandFailed(ILogger logger, string userId, Exception exception);
    }
}
