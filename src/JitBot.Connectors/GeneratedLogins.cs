using System.Globalization;
using System.Text;
using JitBot.Core.Requests;

namespace JitBot.Connectors;

/// <summary>
/// Names of the logins a connector generates: <c>jit&lt;sep&gt;&lt;user&gt;&lt;sep&gt;&lt;request number&gt;</c>
/// (<c>jit_alice_1042</c> in PostgreSQL, <c>jit-alice-1042</c> in Redis). The user part is cut to fit a limit in
/// bytes, never the number, so that the request id can always be read back from the name.
/// </summary>
internal static class GeneratedLogins
{
    public static string Name(char separator, string user, long requestNumber, int maxBytes = int.MaxValue)
    {
        var prefix = "jit" + separator;
        var suffix = separator + requestNumber.ToString(CultureInfo.InvariantCulture);
        var budget = maxBytes - prefix.Length - suffix.Length;
        return prefix + Cut(user, budget) + suffix;
    }

    /// <summary>Whether <paramref name="name"/> is in the generated namespace (starts with <c>jit</c> and the separator).</summary>
    public static bool IsGenerated(char separator, string name) => name.StartsWith("jit" + separator, StringComparison.Ordinal);

    /// <summary>The request id a generated name carries (<c>jit_alice_1042</c> → <c>JIT-1042</c>), or null.</summary>
    public static string? RequestId(char separator, string name)
    {
        if (!IsGenerated(separator, name))
        {
            return null;
        }

        var last = name.LastIndexOf(separator);
        var digits = name[(last + 1)..];
        return last > 3 && digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit)
            ? RequestIds.From(long.Parse(digits, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="maxBytes"/> UTF-8 bytes, whole characters only.</summary>
    private static string Cut(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var cut = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > maxBytes)
            {
                break;
            }

            cut.Append(rune.ToString());
        }

        return cut.ToString();
    }
}
