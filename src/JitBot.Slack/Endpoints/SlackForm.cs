using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace JitBot.Slack.Endpoints;

/// <summary>A verified <c>application/x-www-form-urlencoded</c> body, read from the buffered bytes.</summary>
internal sealed class SlackForm(Dictionary<string, StringValues> fields)
{
    public static SlackForm Parse(byte[] body) =>
        new(new FormReader(Encoding.UTF8.GetString(body)).ReadForm());

    /// <summary>The field's value, or null when absent (or sent more than once).</summary>
    public string? this[string name] => fields.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}
