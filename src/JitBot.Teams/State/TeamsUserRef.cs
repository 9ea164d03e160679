using System.Text.Json;
using System.Text.Json.Nodes;

namespace JitBot.Teams.State;

/// <summary>
/// How to reach a Teams user proactively, as last seen: their bot-specific <c>29:</c> id, their tenant, and the
/// <c>serviceUrl</c> of their last activity.
/// </summary>
internal sealed record TeamsUserRef(string UserId, string? TenantId, string ServiceUrl)
{
    public string ToJson() => new JsonObject { ["userId"] = UserId, ["tenantId"] = TenantId, ["serviceUrl"] = ServiceUrl }.ToJsonString();

    public static TeamsUserRef? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject o && o["userId"]?.GetValue<string>() is { Length: > 0 } userId && o["serviceUrl"]?.GetValue<string>() is { Length: > 0 } serviceUrl
                ? new TeamsUserRef(userId, o["tenantId"]?.GetValue<string>(), serviceUrl)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
