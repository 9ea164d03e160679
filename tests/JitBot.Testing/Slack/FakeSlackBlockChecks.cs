using System.Text.Json.Nodes;

namespace JitBot.Testing.Slack;

/// <summary>The Block Kit limits Slack enforces with <c>invalid_blocks</c>, so that tests catch cards Slack would refuse.</summary>
internal static class FakeSlackBlockChecks
{
    public static string? Check(JsonArray? blocks)
    {
        if (blocks is null)
        {
            return null;
        }

        if (blocks.Count > 50)
        {
            return "no more than 50 items allowed [json-pointer:/blocks]";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not JsonObject block || CheckBlock(block, ids) is not { } problem)
            {
                continue;
            }

            return $"{problem} [json-pointer:/blocks/{i}]";
        }

        return null;
    }

    private static string? CheckBlock(JsonObject block, HashSet<string> ids)
    {
        if (Text(block["block_id"]) is { } id && (id.Length > 255 || !ids.Add(id)))
        {
            return "block_id must be unique and at most 255 characters";
        }

        return Text(block["type"]) switch
        {
            "header" => TooLong(block["text"]?["text"], 150) ?? (Text(block["text"]?["type"]) == "plain_text" ? null : "header text must be plain_text"),
            "section" => TooLong(block["text"]?["text"], 3000) ?? Fields(block["fields"] as JsonArray),
            "actions" => Elements(block["elements"] as JsonArray),
            "context" => (block["elements"] as JsonArray)?.Count is > 0 and <= 10 ? null : "context needs 1 to 10 elements",
            "divider" or "image" or "input" or "rich_text" => null,
            var type => $"unknown block type '{type}'",
        };
    }

    private static string? Fields(JsonArray? fields) =>
        fields is null ? null
        : fields.Count > 10 ? "no more than 10 fields allowed"
        : fields.Select(f => TooLong(f?["text"], 2000)).FirstOrDefault(p => p is not null);

    private static string? Elements(JsonArray? elements)
    {
        if (elements is null || elements.Count is 0 or > 25)
        {
            return "actions needs 1 to 25 elements";
        }

        foreach (var element in elements)
        {
            if (Text(element?["type"]) != "button")
            {
                continue;
            }

            var problem = string.IsNullOrEmpty(Text(element?["action_id"])) ? "button needs an action_id"
                : TooLong(element?["value"], 2000) ?? TooLong(element?["text"]?["text"], 75)
                ?? (Text(element?["style"]) is null or "primary" or "danger" ? null : "button style must be primary or danger");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? TooLong(JsonNode? node, int max) =>
        Text(node) is { Length: var length } && length > max ? $"must be less than {max + 1} characters" : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
