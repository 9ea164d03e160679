using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace JitBot.Testing.Slack;

/// <summary>How the fake answers each Web API method, as Slack documents it (HTTP 200 with <c>ok</c>, errors by code).</summary>
public sealed partial class FakeSlackServer
{
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var method = (string)request.RouteValues["method"]!;
        var (json, parameters, badJson) = await ReadArgumentsAsync(request, context.RequestAborted);
        var authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var call = new SlackApiCall(method, request.Method, authorization, request.ContentType, json, parameters, 200);

        var status = 200;
        JsonObject answer;
        if (TakeFault(method) is { } fault)
        {
            status = fault.StatusCode;
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            answer = Error(fault.Error);
        }
        else
        {
            answer = AuthError(authorization) is { } authError ? Error(authError)
                : badJson ? Error("invalid_json")
                : Answer(call);
        }

        Record(call with { StatusCode = status });
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private JsonObject Answer(SlackApiCall call) => call.Method switch
    {
        "chat.postMessage" => PostMessage(call),
        "chat.update" => Update(call),
        "chat.postEphemeral" => Required(call, "channel", "user") ?? new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() },
        "conversations.open" => call.Arg("users") is { Length: > 0 } users
            ? new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = DirectChannel(users.Split(',')[0]) } }
            : Error("users_list_not_supplied"),
        "users.info" => UserInfo(call),
        "usergroups.users.list" => UsergroupMembers(call),
        "views.open" => OpenView(call),
        "auth.test" => new JsonObject { ["ok"] = true, ["user_id"] = "UJITBOT", ["bot_id"] = "BJITBOT", ["team_id"] = "TFAKE" },
        _ => Error("unknown_method"),
    };

    private JsonObject PostMessage(SlackApiCall call)
    {
        if (call.Arg("channel") is not { Length: > 0 } target)
        {
            return Error("channel_not_found");
        }

        if (MessageProblem(call) is { } problem)
        {
            return problem;
        }

        var channel = DirectChannel(target);
        var ts = NextTs();
        var message = StoreMessage(channel, ts, call);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["message"] = message.DeepClone() };
    }

    private JsonObject Update(SlackApiCall call)
    {
        if (Required(call, "channel", "ts") is { } missing)
        {
            return missing;
        }

        var (channel, ts) = (call.Arg("channel")!, call.Arg("ts")!);
        if (!_messages.ContainsKey((channel, ts)))
        {
            return Error("message_not_found");
        }

        if (MessageProblem(call) is { } problem)
        {
            return problem;
        }

        StoreMessage(channel, ts, call);
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = call.Arg("text") };
    }

    private JsonObject UserInfo(SlackApiCall call)
    {
        if (call.Arg("user") is not { Length: > 0 } id || !_users.TryGetValue(id, out var user))
        {
            return Error("user_not_found");
        }

        var profile = new JsonObject { ["real_name"] = user.Name, ["display_name"] = user.Name };
        if (user.Email is not null)
        {
            profile["email"] = user.Email;
        }

        return new JsonObject
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = user.Id, ["name"] = user.Name.ToLowerInvariant().Replace(' ', '.'), ["real_name"] = user.Name,
                ["deleted"] = user.IsDeleted, ["is_bot"] = user.IsBot, ["profile"] = profile,
            },
        };
    }

    private static JsonObject? MessageProblem(SlackApiCall call)
    {
        var blocks = call.Blocks;
        if (string.IsNullOrEmpty(call.Arg("text")) && blocks is null)
        {
            return Error("no_text");
        }

        return FakeSlackBlockChecks.Check(blocks) is { } problem
            ? new JsonObject { ["ok"] = false, ["error"] = "invalid_blocks", ["errors"] = new JsonArray(problem) }
            : null;
    }

    private JsonObject StoreMessage(string channel, string ts, SlackApiCall call)
    {
        var message = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts, ["text"] = call.Arg("text") ?? "" };
        if (call.Blocks is { } blocks)
        {
            message["blocks"] = blocks.DeepClone();
        }

        _messages[(channel, ts)] = message;
        return message;
    }

    private string? AuthError(string? authorization) =>
        authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? "not_authed"
        : BotToken is not null && authorization != "Bearer " + BotToken ? "invalid_auth"
        : null;

    /// <summary>Posting to a user id lands in the app's DM with them, which Slack reports as a <c>D…</c> channel.</summary>
    private static string DirectChannel(string target) => target.StartsWith('U') || target.StartsWith('W') ? "D" + target[1..] : target;

    private static JsonObject? Required(SlackApiCall call, params string[] names) =>
        names.FirstOrDefault(n => string.IsNullOrEmpty(call.Arg(n))) is { } missing
            ? Error(missing == "channel" ? "channel_not_found" : $"invalid_arguments: {missing}")
            : null;

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static async Task<(JsonObject? Json, Dictionary<string, string> Parameters, bool BadJson)> ReadArgumentsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var field in await request.ReadFormAsync(cancellationToken))
            {
                parameters[field.Key] = field.Value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject, parameters, false);
            }
            catch (JsonException)
            {
                return (null, parameters, true);
            }
        }

        return (null, parameters, false);
    }
}
