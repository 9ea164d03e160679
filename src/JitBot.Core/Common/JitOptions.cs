namespace JitBot.Core.Common;

/// <summary>The operator's global guardrails and timings (appsettings <c>Jit:</c> and <c>Scheduling:</c>).</summary>
public sealed record JitOptions
{
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(12);

    public TimeSpan PendingTimeout { get; init; } = TimeSpan.FromHours(1);

    public IReadOnlyList<string> Admins { get; init; } = [];

    /// <summary>The fewest approvals a role marked <c>sensitive: true</c> needs, whatever its policy says.</summary>
    public int SensitiveMinApprovals { get; init; } = 2;

    /// <summary>A pattern every reason must contain (e.g. <c>(INC|CHG)-\d+</c>); null: any reason.</summary>
    public System.Text.RegularExpressions.Regex? RequireTicket { get; init; }

    /// <summary>When auto-approval is allowed at all; null: any time.</summary>
    public Policies.HoursWindow? AutoApproveHours { get; init; }

    /// <summary>How long before expiry the requester is reminded and offered an extension.</summary>
    public TimeSpan ExpiryReminder { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a failing grant is retried before the request ends Failed (never past expiry).</summary>
    public TimeSpan GrantRetryWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a failing revoke is retried before giving up loudly.</summary>
    public TimeSpan RevokeRetryWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first delay of the doubling backoff between connector attempts.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool IsAdmin(string email) => Admins.Contains(email, StringComparer.OrdinalIgnoreCase);
}
