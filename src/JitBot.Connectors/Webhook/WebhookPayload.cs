using System.Text.Json;
using JitBot.Core.Grants;

namespace JitBot.Connectors.Webhook;

/// <summary>The JSON body of a webhook call, in the contract's key order (section 6).</summary>
internal static class WebhookPayload
{
    public const string GrantEvent = "grant";
    public const string RevokeEvent = "revoke";

    public static byte[] Write(string eventName, GrantContext grant)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", eventName);
            json.WriteString("requestId", grant.RequestId);
            json.WriteString("resource", grant.Resource);
            json.WriteString("role", grant.Role);
            json.WriteStartObject("user");
            json.WriteString("email", grant.Email);
            json.WriteString("slackUserId", grant.SlackUserId);
            json.WriteString("teamsUserId", grant.TeamsUserId);
            json.WriteEndObject();
            json.WriteString("reason", grant.Reason);
            json.WriteStartArray("approvers");
            foreach (var approver in grant.Approvers)
            {
                json.WriteStringValue(approver);
            }

            json.WriteEndArray();

            // A UTC DateTime is written ISO-8601 with a trailing Z (2026-12-03T10:00:00Z).
            json.WriteString("grantedAt", grant.GrantedAt.UtcDateTime);
            json.WriteString("expiresAt", grant.ExpiresAt.UtcDateTime);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
