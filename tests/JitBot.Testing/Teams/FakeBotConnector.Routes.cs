using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JitBot.Testing.Teams;

/// <summary>How the fake answers each Bot Connector operation, as the REST API documents it.</summary>
public sealed partial class FakeBotConnector
{
    private void MapRoutes(WebApplication app)
    {
        var v3 = app.MapGroup("/teams/v3/conversations");
        v3.MapPost("", context => HandleAsync(context, "create"));
        v3.MapPost("/{conversationId}/activities", context => HandleAsync(context, "send"));
        v3.MapPost("/{conversationId}/activities/{activityId}", context => HandleAsync(context, "reply"));
        v3.MapPut("/{conversationId}/activities/{activityId}", context => HandleAsync(context, "update"));
        v3.MapGet("/{conversationId}/members/{userId}", context => HandleAsync(context, "member"));
    }

    private async Task HandleAsync(HttpContext context, string operation)
    {
        var request = context.Request;
        var conversationId = request.RouteValues["conversationId"] as string;
        var activityId = request.RouteValues["activityId"] as string;
        var authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        JsonObject? json = null;
        var badJson = false;
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                json = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            }
            catch (JsonException)
            {
                badJson = true;
            }
        }

        int status;
        JsonObject? answer;
        if (TakeFault(operation) is { } fault)
        {
            status = fault.Status;
            answer = fault.Body is null ? Error("ServiceError", "injected failure") : JsonNode.Parse(fault.Body) as JsonObject;
            if (fault.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
        }
        else if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_isAuthorized(authorization["Bearer ".Length..]))
        {
            (status, answer) = (401, Error("Unauthorized", "Authorization has been denied for this request."));
        }
        else if (badJson || (json is null && operation is not "member"))
        {
            (status, answer) = (400, Error("BadSyntax", "invalid JSON body"));
        }
        else
        {
            (status, answer) = operation switch
            {
                "create" => Create(json!),
                "send" or "reply" => Post(conversationId!, json!, operation == "reply" ? activityId : null),
                "update" => Update(conversationId!, activityId!, json!),
                _ => Member(request.RouteValues["userId"] as string),
            };
        }

        var resultId = answer?["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        Record(new ConnectorCall(operation, request.Method, rawTarget, conversationId, activityId, authorization, json, status, resultId));
        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        }
    }

    private (int, JsonObject?) Create(JsonObject body)
    {
        var memberId = (body["members"] as JsonArray)?.FirstOrDefault()?["id"]?.GetValue<string>();
        var tenant = body["tenantId"]?.GetValue<string>() ?? body["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        if (body["bot"]?["id"]?.GetValue<string>() is not { } bot || !bot.StartsWith("28:", StringComparison.Ordinal))
        {
            return (400, Error("BadArgument", "bot id missing"));
        }

        if (string.IsNullOrEmpty(tenant))
        {
            return (400, Error("BadArgument", "tenant id required"));
        }

        if (memberId is null || !_members.ContainsKey(memberId))
        {
            return (404, Error("NotFound", "user not found"));
        }

        var id = _directChats.GetOrAdd(memberId, m => "a:1dm-" + m[3..]);
        return (201, new JsonObject { ["id"] = id });
    }

    private (int, JsonObject?) Post(string conversationId, JsonObject activity, string? replyTo)
    {
        if (activity["type"]?.GetValue<string>() != "message")
        {
            return (400, Error("BadArgument", "activity type must be message"));
        }

        var id = NextId();
        var stored = (JsonObject)activity.DeepClone();
        stored["id"] = id;
        if (replyTo is not null)
        {
            stored["replyToId"] = replyTo;
        }

        _activities[(conversationId, id)] = stored;
        return (201, new JsonObject { ["id"] = id });
    }

    private (int, JsonObject?) Update(string conversationId, string activityId, JsonObject activity)
    {
        if (!_activities.ContainsKey((conversationId, activityId)))
        {
            return (404, Error("NotFound", "activity not found"));
        }

        if (activity["type"]?.GetValue<string>() != "message")
        {
            return (400, Error("BadArgument", "activity type must be message"));
        }

        var stored = (JsonObject)activity.DeepClone();
        stored["id"] = activityId;
        _activities[(conversationId, activityId)] = stored;
        return (200, new JsonObject { ["id"] = activityId });
    }

    private (int, JsonObject?) Member(string? userId)
    {
        if (userId is null || !_members.TryGetValue(userId, out var member))
        {
            return (404, Error("MemberNotFoundInConversation", "The member is not in the conversation."));
        }

        var answer = new JsonObject
        {
            ["id"] = member.Id,
            ["name"] = member.Name,
            ["aadObjectId"] = member.AadObjectId,
            ["userRole"] = "user",
        };
        if (member.Email is not null)
        {
            answer["email"] = member.Email;
        }

        if (member.UserPrincipalName is not null)
        {
            answer["userPrincipalName"] = member.UserPrincipalName;
        }

        return (200, answer);
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
