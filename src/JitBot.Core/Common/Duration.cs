using System.Globalization;

namespace JitBot.Core.Common;

/// <summary>Durations as people write them: a whole number and a unit (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>).</summary>
public static class Duration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2 || text.Length > 12)
        {
            return false;
        }

        var digits = text.AsSpan(0, text.Length - 1);
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        var seconds = char.ToLowerInvariant(text[^1]) switch
        {
            's' => amount,
            'm' => amount * 60,
            'h' => amount * 3600,
            'd' => amount * 86400,
            _ => -1,
        };
        if (seconds <= 0 || seconds > 366L * 86400)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    public static TimeSpan Parse(string text, string name) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"{name}: '{text}' is not a duration (a number and a unit: 90s, 15m, 2h, 1d)");

    /// <summary>Formats with the largest unit that divides the duration: 7200s → <c>2h</c>, 5400s → <c>90m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        if (seconds > 0 && seconds % 86400 == 0)
        {
            return $"{seconds / 86400}d";
        }

        if (seconds > 0 && seconds % 3600 == 0)
        {
            return $"{seconds / 3600}h";
        }

        return seconds > 0 && seconds % 60 == 0 ? $"{seconds / 60}m" : $"{seconds}s";
    }
}
