namespace JitBot.Testing.Infrastructure;

/// <summary>
/// A clock that runs at the real pace but shows another moment: a test can put the bot on a Wednesday
/// morning in Berlin while timers, delays and Hangfire keep working.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly TimeSpan shift = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;

    /// <summary>The next <paramref name="day"/> at <paramref name="time"/> in <paramref name="zone"/>, at least a day from now.</summary>
    public static ShiftedTimeProvider NextWeekday(DayOfWeek day, TimeOnly time, string zone)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        var local = date.ToDateTime(time);
        return new ShiftedTimeProvider(new DateTimeOffset(local, timeZone.GetUtcOffset(local)));
    }
}
