using System.Globalization;

namespace JitBot.Core.Requests;

/// <summary>Request ids look like <c>JIT-1042</c>.</summary>
public static class RequestIds
{
    public const string Prefix = "JIT-";

    public static string From(long number) => Prefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts <c>JIT-12</c>, <c>jit-12</c> and a bare <c>12</c>.</summary>
    public static bool TryNormalize(string? text, out string id)
    {
        id = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? text[Prefix.Length..] : text;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }

        id = From(number);
        return true;
    }
}
