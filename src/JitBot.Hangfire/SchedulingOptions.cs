using Hangfire;
using Hangfire.InMemory;

namespace JitBot.Hangfire;

/// <summary>Hangfire settings (appsettings <c>Scheduling:</c>).</summary>
public sealed record SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>How often due jobs are picked up (<c>Scheduling:PollInterval</c>, default 1s). Never zero: it spins.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Workers per instance (<c>Scheduling:WorkerCount</c>).</summary>
    public int WorkerCount { get; init; } = 20;

    /// <summary>When reconciliation runs (<c>Scheduling:ReconcileCron</c>, a Hangfire cron; default every minute).</summary>
    public string ReconcileCron { get; init; } = "* * * * *";

    /// <summary>True when Hangfire accepts <paramref name="cron"/> for a recurring job (checked on a throwaway in-memory storage).</summary>
    public static bool IsCron(string cron)
    {
        try
        {
            using var storage = new InMemoryStorage();
            IRecurringJobManager manager = new RecurringJobManager(storage);
            manager.AddOrUpdate("cron-check", () => Console.Write(""), cron);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Hangfire's key prefix, apart from the bot's own keys.</summary>
    public string Prefix { get; init; } = "jitbot:hangfire:";
}
