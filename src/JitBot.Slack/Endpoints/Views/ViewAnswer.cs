using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace JitBot.Slack.Endpoints.Views;

/// <summary>
/// The answer to a <c>view_submission</c>: close the modal (an empty 200), or keep it open with an error under
/// an input block (<c>response_action: errors</c>).
/// </summary>
internal sealed record ViewAnswer(IReadOnlyDictionary<string, string>? Errors)
{
    public const int MaxErrorText = 300;

    public static ViewAnswer Close { get; } = new((IReadOnlyDictionary<string, string>?)null);

    public static ViewAnswer Error(string blockId, string message) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [blockId] = message.Length <= MaxErrorText ? message : string.Concat(message.AsSpan(0, MaxErrorText - 1), "…"),
        });

    public IResult ToResult() => Errors is null ? Results.Ok() : Results.Json(new ErrorsResponse("errors", Errors));

    internal sealed record ErrorsResponse(
        [property: JsonPropertyName("response_action")] string ResponseAction,
        [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string> Errors);
}
