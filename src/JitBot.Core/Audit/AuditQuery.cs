namespace JitBot.Core.Audit;

/// <summary>A search of the audit trail; every filter is optional.</summary>
public sealed record AuditQuery(string? User = null, string? Resource = null, string? RequestId = null, DateTimeOffset? Since = null, int Limit = 50);
