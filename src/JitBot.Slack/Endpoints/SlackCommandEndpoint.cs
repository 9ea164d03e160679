using JitBot.Core.Commands;
using JitBot.Slack.Cards;
using JitBot.Slack.People;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Endpoints;

/// <summary><c>POST /slack/commands</c>: verify → parse the form → resolve the person → the core's router → ephemeral JSON.</summary>
internal sealed partial class SlackCommandEndpoint(
    SlackRequestReader reader,
    SlackDirectory directory,
    ICommandRouter router,
    ILogger<SlackCommandEndpoint> logger)
{
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

        try
        {
            var lookup = await directory.FindPersonAsync(userId, SlackRequestReader.LookupBudget, cancellationToken);
            if (lookup.Person is not { } person)
            {
                return Ephemeral(lookup.Problem ?? SlackDirectory.NoEmailProblem);
            }

            var reply = await router.HandleAsync(new ChatContext(person, channelId), (form["text"] ?? "").Trim(), cancellationToken);
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
