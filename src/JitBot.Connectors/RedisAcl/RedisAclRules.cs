namespace JitBot.Connectors.RedisAcl;

/// <summary>
/// The ACL rules of one policy role (<c>~cache:* +@read</c>), split into the arguments of <c>ACL SETUSER</c>.
/// A selector in parentheses stays one argument. Rules that touch the password or the on/off state are refused:
/// the bot sets those itself, and a <c>nopass</c> would let anyone log in as the generated user.
/// </summary>
internal static class RedisAclRules
{
    private static readonly string[] ReservedWords = ["on", "off", "nopass", "resetpass", "reset"];
    private static readonly char[] ReservedPrefixes = ['>', '<', '#', '!'];

    /// <summary>The arguments, or a reason they are refused.</summary>
    public static (IReadOnlyList<string> Rules, string? Problem) Parse(string text)
    {
        var rules = new List<string>();
        var current = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && depth == 0)
            {
                Flush(rules, current);
                continue;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return ([], "has a ')' without its '('");
            }

            current.Append(c);
        }

        Flush(rules, current);
        if (depth != 0)
        {
            return ([], "has a '(' without its ')'");
        }

        var reserved = rules
            .SelectMany(r => r.StartsWith('(') ? r.Trim('(', ')').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [r])
            .FirstOrDefault(IsReserved);
        return reserved is not null
            ? ([], $"may not contain '{Shown(reserved)}' (the bot sets the password and the on/off state itself)")
            : rules.Count == 0 ? ([], "has no rules") : (rules, null);
    }

    private static bool IsReserved(string rule) =>
        ReservedWords.Contains(rule, StringComparer.OrdinalIgnoreCase) || ReservedPrefixes.Contains(rule[0]);

    /// <summary>A password rule is shown by its kind only: <c>&gt;…</c> might be a real password.</summary>
    private static string Shown(string rule) => ReservedPrefixes.Contains(rule[0]) ? rule[0] + "…" : rule;

    private static void Flush(List<string> rules, System.Text.StringBuilder current)
    {
        if (current.Length > 0)
        {
            rules.Add(current.ToString());
            current.Clear();
        }
    }
}
