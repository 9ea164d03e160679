using System.Text.Json.Nodes;

namespace JitBot.Testing.Slack;

/// <summary>The modal limits Slack enforces on views.open, so that tests catch forms Slack would refuse.</summary>
internal static class FakeSlackViewChecks
{
    public static string? Check(JsonObject view)
    {
        if (Text(view["type"]) != "modal")
        {
            return "view type must be modal";
        }

        if ((PlainText(view["title"], 24, required: true) ?? PlainText(view["submit"], 24) ?? PlainText(view["close"], 24)) is { } textProblem)
        {
            return textProblem;
        }

        if (Text(view["callback_id"])?.Length > 255 || Text(view["private_metadata"])?.Length > 3000)
        {
            return "callback_id at most 255 and private_metadata at most 3000 characters";
        }

        if (view["blocks"] is not JsonArray { Count: > 0 and <= 100 } blocks)
        {
            return "a modal needs 1 to 100 blocks";
        }

        var inputs = blocks.OfType<JsonObject>().Where(b => Text(b["type"]) == "input").ToList();
        if (inputs.Count > 0 && view["submit"] is null)
        {
            return "a modal with input blocks needs a submit button";
        }

        var others = new JsonArray(blocks.OfType<JsonObject>().Where(b => Text(b["type"]) != "input").Select(b => (JsonNode)b.DeepClone()).ToArray());
        return FakeSlackBlockChecks.Check(others) ?? inputs.Select(Input).FirstOrDefault(p => p is not null);
    }

    private static string? Input(JsonObject input)
    {
        if (string.IsNullOrEmpty(Text(input["block_id"])) || PlainText(input["label"], 2000, required: true) is not null)
        {
            return "an input needs a block_id and a plain_text label of at most 2000 characters";
        }

        var element = input["element"] as JsonObject;
        return Text(element?["type"]) switch
        {
            _ when string.IsNullOrEmpty(Text(element?["action_id"])) => "an input element needs an action_id",
            "plain_text_input" => element!["max_length"]?.GetValue<int>() is null or (> 0 and <= 3000) ? null : "max_length must be 1 to 3000",
            "static_select" => Select(element!),
            var type => $"unexpected input element '{type}'",
        };
    }

    private static string? Select(JsonObject select)
    {
        var groups = select["option_groups"] as JsonArray;
        var options = groups is null
            ? select["options"] as JsonArray
            : new JsonArray(groups.SelectMany(g => (g?["options"] as JsonArray) ?? []).Select(o => o?.DeepClone()).ToArray());
        if (groups?.Count > 100 || groups?.Any(g => (g?["options"] as JsonArray)?.Count is null or 0 or > 100 || PlainText(g?["label"], 75, required: true) is not null) == true)
        {
            return "option_groups: at most 100, each with a label of at most 75 characters and 1 to 100 options";
        }

        if (options is not { Count: > 0 } || (groups is null && options.Count > 100))
        {
            return "a select needs 1 to 100 options";
        }

        if (options.Any(o => PlainText(o?["text"], 75, required: true) is not null || Text(o?["value"]) is not { Length: > 0 and <= 150 }))
        {
            return "an option needs a text of at most 75 characters and a value of at most 150";
        }

        return select["initial_option"] is { } initial && !options.Any(o => JsonNode.DeepEquals(o, initial))
            ? "initial_option must be one of the options"
            : null;
    }

    private static string? PlainText(JsonNode? node, int max, bool required = false) =>
        node is null ? (required ? "missing text" : null)
        : Text(node["type"]) != "plain_text" ? "text must be plain_text"
        : Text(node["text"]) is not { Length: > 0 } text || text.Length > max ? $"text must be 1 to {max} characters"
        : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
