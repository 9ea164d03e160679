using System.Text.Json;
using System.Text.Json.Nodes;
using JitBot.Teams.Activities;
using JitBot.Teams.Security;
using JitBot.Teams.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JitBot.Teams.Endpoints;

/// <summary>
/// <c>POST /api/messages</c>: verify the Bot Framework token (before the body is read) → read and parse the activity →
/// check the token's <c>serviceurl</c> against it → remember who and where → route by type. Any authentication
/// failure answers 401 and nothing is done; messages are answered 200 once handled, invokes with their invoke
/// response, everything else with 200.
/// </summary>
internal sealed partial class TeamsMessagesEndpoint(
    BotFrameworkTokenValidator validator,
    TeamsState state,
    TeamsMessageHandler messages,
    TeamsCardActionDispatcher cardActions,
    ILogger<TeamsMessagesEndpoint> logger)
{
    public const int MaxBodyBytes = 1 << 20;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization;
        var check = await validator.ValidateAsync(authorization.Count == 1 ? authorization[0] : null, cancellationToken);
        if (check.Failure is { } failure)
        {
            return Unauthorized(request, failure);
        }

        var body = request.ContentLength > MaxBodyBytes ? null : await ReadBodyAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return Results.Text("body too large", "text/plain", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (Parse(body) is not { } activity)
        {
            return Results.Text("not a Bot Framework activity", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!string.Equals(check.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(request, "serviceurl claim does not match the activity");
        }

        if (!string.Equals(activity.ChannelId, BotFrameworkTokenValidator.TeamsChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(request, "the activity is not from msteams");
        }

        await state.RememberAsync(activity, cancellationToken);
        Log.Received(logger, activity.Type, activity.Name ?? "-", activity.ConversationType ?? "-");
        switch (activity.Type)
        {
            case TeamsActivity.MessageType:
                await messages.HandleAsync(activity, cancellationToken);
                return Results.Ok();
            case TeamsActivity.InvokeType when activity.Name == TeamsCardActionDispatcher.InvokeName:
                var response = await cardActions.HandleAsync(activity, cancellationToken);
                return Results.Json(response.ToJson(), statusCode: StatusCodes.Status200OK);
            case TeamsActivity.InvokeType:
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            default:
                return Results.Ok();
        }
    }

    private IResult Unauthorized(HttpRequest request, string reason)
    {
        Log.Rejected(logger, request.Path, reason);
        return Results.Text("unauthorized", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static TeamsActivity? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json ? TeamsActivity.Parse(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Warning, Message = "Rejected a Teams request to {Path}: {Reason}")]
        public static partial void Rejected(ILogger logger, PathString path, string reason);

        [LoggerMessage(EventId = 4502, Level = LogLevel.Debug, Message = "Teams activity {Type} ({Name}) in a {ConversationType} conversation")]
        public static partial void Received(ILogger logger, string type, string name, string conversationType);
    }
}
