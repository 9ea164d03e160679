using System.Text.RegularExpressions;
using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Hangfire;

namespace JitBot.Startup;

/// <summary>The host's own settings, read from configuration with errors that name the key.</summary>
internal sealed record JitBotSettings(JitOptions Jit, SchedulingOptions Scheduling, string PoliciesPath)
{
    public static JitBotSettings Read(IConfiguration configuration, string contentRoot)
    {
        var jit = new JitOptions
        {
            MaxDuration = DurationOf(configuration, "Jit:MaxDuration", "12h"),
            PendingTimeout = DurationOf(configuration, "Jit:PendingTimeout", "1h"),
            Admins = configuration.GetSection("Jit:Admins").Get<string[]>() ?? SplitList(configuration["Jit:Admins"]),
            GrantRetryWindow = DurationOf(configuration, "Jit:GrantRetryWindow", "1m"),
            RevokeRetryWindow = DurationOf(configuration, "Jit:RevokeRetryWindow", "10m"),
            RetryBaseDelay = DurationOf(configuration, "Jit:RetryBaseDelay", "1s"),
            ExpiryReminder = DurationOf(configuration, "Jit:ExpiryReminder", "5m"),
            SensitiveMinApprovals = Count(configuration, "Jit:SensitiveMinApprovals", 2),
            RequireTicket = Pattern(configuration, "Jit:RequireTicket"),
            AutoApproveHours = Hours(configuration, "Jit:AutoApproveHours"),
        };
        var workers = configuration["Scheduling:WorkerCount"];
        var scheduling = new SchedulingOptions
        {
            PollInterval = DurationOf(configuration, "Scheduling:PollInterval", "1s"),
            WorkerCount = workers is null ? 20 : int.TryParse(workers, out var n) && n is > 0 and <= 200
                ? n
                : throw new StartupException($"Scheduling:WorkerCount: '{workers}' must be a whole number from 1 to 200"),
            ReconcileCron = Cron(configuration, "Scheduling:ReconcileCron", "* * * * *"),
            Prefix = (configuration["Redis:Prefix"] is { Length: > 0 } prefix ? prefix : "jitbot:") + "hangfire:",
        };
        var policies = configuration["Policies:Path"] is { Length: > 0 } path ? path : "manifests/policies";
        return new JitBotSettings(jit, scheduling, Path.GetFullPath(policies, contentRoot));
    }

    private static TimeSpan DurationOf(IConfiguration configuration, string key, string fallback)
    {
        var text = configuration[key] is { Length: > 0 } value ? value : fallback;
        return Duration.TryParse(text, out var duration)
            ? duration
            : throw new StartupException($"{key}: '{text}' is not a duration (a number and a unit: 90s, 15m, 2h, 1d)");
    }

    private static string Cron(IConfiguration configuration, string key, string fallback)
    {
        var text = configuration[key] is { Length: > 0 } value ? value : fallback;
        return SchedulingOptions.IsCron(text)
            ? text
            : throw new StartupException($"{key}: '{text}' is not a cron expression (five fields, e.g. '* * * * *' for every minute)");
    }

    private static int Count(IConfiguration configuration, string key, int fallback) =>
        configuration[key] is not { Length: > 0 } text ? fallback
        : int.TryParse(text, out var n) && n is >= 1 and <= 10 ? n
        : throw new StartupException($"{key}: '{text}' must be a whole number from 1 to 10");

    private static Regex? Pattern(IConfiguration configuration, string key)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            return new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{key}: '{text}' is not a regular expression: {e.Message}");
        }
    }

    private static HoursWindow? Hours(IConfiguration configuration, string key) =>
        configuration[key] is not { Length: > 0 } text ? null
        : HoursWindow.TryParse(text, out var window, out var problem) ? window
        : throw new StartupException($"{key}: {problem}");

    private static string[] SplitList(string? text) =>
        text?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
