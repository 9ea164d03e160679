namespace JitBot.Redis.Tests.Audit;

/// <summary>Orders stream ids (<c>ms-seq</c>) numerically.</summary>
internal sealed class StreamIdComparer : IComparer<string>
{
    public static readonly StreamIdComparer Instance = new();

    public int Compare(string? x, string? y) => Parse(x).CompareTo(Parse(y));

    private static (ulong, ulong) Parse(string? id)
    {
        var parts = (id ?? "0-0").Split('-');
        return (ulong.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
