using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace JitBot.Slack.Endpoints;

/// <summary><c>POST /slack/events</c>: verify → answer the <c>url_verification</c> challenge; other events are acknowledged.</summary>
internal sealed class SlackEventsEndpoint(SlackRequestReader reader)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var inbound = await reader.ReadAsync(request, cancellationToken);
        if (inbound.Rejection is { } rejection)
        {
            return rejection;
        }

        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<EventEnvelope>(inbound.Body);
        }
        catch (JsonException)
        {
            return Results.Text("body is not valid JSON", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        return envelope is { Type: "url_verification", Challenge: { } challenge }
            ? Results.Json(new ChallengeAnswer(challenge))
            : Results.Ok();
    }

    internal sealed record EventEnvelope(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("challenge")] string? Challenge);

    internal sealed record ChallengeAnswer([property: JsonPropertyName("challenge")] string Challenge);
}
