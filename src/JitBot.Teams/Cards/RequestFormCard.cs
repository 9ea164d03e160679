using System.Text.Json.Nodes;
using JitBot.Core.Common;
using JitBot.Core.Policies;

namespace JitBot.Teams.Cards;

/// <summary>
/// The form <c>request</c> (no arguments) posts in Teams: one choice per resource and role the person may request,
/// a duration and a reason, submitted with <c>Action.Execute</c> verb <see cref="SubmitVerb"/>. Resource and role are
/// one choice (<c>"payments-db readonly"</c>) since a card cannot make one list depend on another. Pure.
/// </summary>
internal static class RequestFormCard
{
    public const string SubmitVerb = "jit.request";

    public const string ChoiceInput = "choice";

    public const string DurationInput = "duration";

    public const string ReasonInput = "reason";

    public static JsonObject Render(IEnumerable<ResourcePolicy> resources, TimeSpan maxDuration)
    {
        var choices = new JsonArray();
        foreach (var resource in resources.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            foreach (var role in resource.Roles.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                var cap = role.MaxDuration < maxDuration ? role.MaxDuration : maxDuration;
                var approvals = role.Approvals == 1 ? "1 approval" : $"{role.Approvals} approvals";
                choices.Add(new JsonObject
                {
                    ["title"] = $"{resource.Id} · {role.Name} (up to {Duration.Format(cap)}, {approvals})",
                    ["value"] = $"{resource.Id} {role.Name}",
                });
            }
        }

        var body = new JsonArray
        {
            AdaptiveCards.Heading("Request just-in-time access"),
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = ChoiceInput, ["label"] = "Resource and role", ["style"] = "compact",
                ["isRequired"] = true, ["errorMessage"] = "Pick what you need.", ["choices"] = choices,
            },
            new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = DurationInput, ["label"] = "Duration (90s, 15m, 2h, 1d)", ["placeholder"] = "2h",
                ["isRequired"] = true, ["regex"] = "^\\s*[0-9]+[smhdSMHD]\\s*$", ["errorMessage"] = "A number and a unit: 90s, 15m, 2h, 1d.",
            },
            new JsonObject
            {
                ["type"] = "Input.Text", ["id"] = ReasonInput, ["label"] = "Reason", ["placeholder"] = "INC-4312 checking replication lag",
                ["isMultiline"] = true, ["isRequired"] = true, ["maxLength"] = 500, ["errorMessage"] = "Say why you need it.",
            },
        };
        var card = AdaptiveCards.Card("Request just-in-time access", body);
        card["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Action.Execute", ["title"] = "Request", ["verb"] = SubmitVerb, ["style"] = "positive", ["data"] = new JsonObject(),
        });
        return card;
    }

    /// <summary>The command words the submitted form stands for, or null when something is missing.</summary>
    public static string? CommandOf(JsonObject? data)
    {
        var choice = Text(data?[ChoiceInput]);
        var duration = Text(data?[DurationInput]);
        var reason = Text(data?[ReasonInput]);
        return choice is null || duration is null || reason is null
            ? null
            : $"request {choice} {duration} {string.Join(' ', reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}";
    }

    /// <summary>A filed request's card in place of the form: what was filed, in the core's words.</summary>
    public static JsonObject Filed(string answer) =>
        AdaptiveCards.Card(answer, new JsonArray(AdaptiveCards.Paragraph(AdaptiveCards.Run(answer))));

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
