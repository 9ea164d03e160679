namespace JitBot.Redis.Audit;

/// <summary>
/// The outcome of walking the audit chain: intact, or the first entry whose link is broken and why.
/// </summary>
public sealed record AuditChainReport(bool IsIntact, long EntriesChecked, string? BrokenAt = null, string? Problem = null)
{
    public static AuditChainReport Intact(long entriesChecked) => new(true, entriesChecked);

    public static AuditChainReport Broken(long entriesChecked, string? brokenAt, string problem) =>
        new(false, entriesChecked, brokenAt, problem);

    public override string ToString() =>
        IsIntact ? $"audit chain intact ({EntriesChecked} entries)" : $"audit chain broken at {BrokenAt ?? "head"}: {Problem}";
}
