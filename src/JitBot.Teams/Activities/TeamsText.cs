using System.Text;

namespace JitBot.Teams.Activities;

/// <summary>
/// Text for Teams messages sent with <c>textFormat: xml</c>: <c>&amp; &lt; &gt; "</c> escaped so that
/// <c>&lt;resource&gt;</c> shows as typed and nothing can become a mention or a tag, line breaks as <c>&lt;br&gt;</c>.
/// </summary>
internal static class TeamsText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\n' => builder.Append("<br>"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
