using JitBot.Core.Audit;

namespace JitBot.Redis.Audit;

/// <summary>Whether an audit event matches a query (every filter optional; names compared case-insensitively).</summary>
internal static class AuditFilter
{
    public static bool Matches(this AuditQuery query, AuditEvent e) =>
        (query.User is null || Same(query.User, e.Requester) || Same(query.User, e.Actor))
        && (query.Resource is null || Same(query.Resource, e.Resource))
        && (query.RequestId is null || Same(query.RequestId, e.RequestId))
        && (query.Since is null || e.At >= query.Since.Value);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
