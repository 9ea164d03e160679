using System.Globalization;
using System.Text.RegularExpressions;

namespace JitBot.Core.Policies;

/// <summary>
/// Hours in a time zone, written <c>Mon-Fri 09:00-17:00 Europe/Berlin</c> (days: a range or a comma list;
/// the zone is an IANA id, default UTC).
/// </summary>
public sealed partial record HoursWindow(IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To, TimeZoneInfo Zone, string Text)
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Contains(local.DayOfWeek) && time >= From && time < To;
    }

    public override string ToString() => Text;

    public static bool TryParse(string? text, out HoursWindow? window, out string problem)
    {
        window = null;
        problem = "";
        var match = Shape().Match(text ?? "");
        if (!match.Success)
        {
            problem = $"'{text}' is not hours like 'Mon-Fri 09:00-17:00 Europe/Berlin'";
            return false;
        }

        var days = ParseDays(match.Groups["days"].Value);
        if (days is null)
        {
            problem = $"'{match.Groups["days"].Value}' are not days (Mon-Fri, or Mon,Wed,Fri)";
            return false;
        }

        if (!TimeOnly.TryParseExact(match.Groups["from"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(match.Groups["to"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to <= from)
        {
            problem = $"'{match.Groups["from"].Value}-{match.Groups["to"].Value}' is not a time range within one day (HH:mm-HH:mm)";
            return false;
        }

        var zoneId = match.Groups["zone"].Success ? match.Groups["zone"].Value : "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            problem = $"'{zoneId}' is not a known time zone (an IANA id like Europe/Berlin)";
            return false;
        }

        window = new HoursWindow(days, from, to, zone, text!.Trim());
        return true;
    }

    private static HashSet<DayOfWeek>? ParseDays(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var part in text.ToLowerInvariant().Split(','))
        {
            var ends = part.Split('-');
            var first = Array.IndexOf(DayNames, ends[0]);
            var last = ends.Length == 2 ? Array.IndexOf(DayNames, ends[1]) : first;
            if (first < 0 || last < 0 || ends.Length > 2)
            {
                return null;
            }

            for (var day = first; ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return days;
    }

    [GeneratedRegex(@"^\s*(?<days>[A-Za-z]{3}(-[A-Za-z]{3})?(,[A-Za-z]{3}(-[A-Za-z]{3})?)*)\s+(?<from>\d{2}:\d{2})-(?<to>\d{2}:\d{2})(\s+(?<zone>\S+))?\s*$")]
    private static partial Regex Shape();
}
