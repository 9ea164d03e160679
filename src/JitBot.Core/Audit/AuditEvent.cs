namespace JitBot.Core.Audit;

/// <summary>One transition of one request, as the audit trail keeps it. <see cref="Id"/> is set by the log.</summary>
public sealed record AuditEvent(
    string Type,
    string RequestId,
    string Actor,
    string Requester,
    string Resource,
    string Role,
    DateTimeOffset At,
    string? Detail = null,
    string? Revocation = null)
{
    public string Id { get; init; } = "";
}
