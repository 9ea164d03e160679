using Microsoft.AspNetCore.Http;

namespace JitBot.Slack.Endpoints;

/// <summary>A buffered inbound request: its verified raw body, or the answer that rejects it.</summary>
internal sealed record SlackInbound(byte[] Body, IResult? Rejection)
{
    public static SlackInbound Accepted(byte[] body) => new(body, null);

    public static SlackInbound Rejected(int statusCode, string reason) =>
        new([], Results.Text(reason, "text/plain", statusCode: statusCode));
}
