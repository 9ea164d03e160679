using System.Globalization;

namespace JitBot.Core.Audit;

/// <summary>The one line an audit event becomes in the audit channel.</summary>
public static class AuditLine
{
    public static string Format(AuditEvent e)
    {
        var line = $"[{e.RequestId}] {e.Type} by {e.Actor}: {e.Requester} {e.Resource}/{e.Role}";
        if (e.Revocation is not null)
        {
            line += $" ({e.Revocation})";
        }

        if (!string.IsNullOrEmpty(e.Detail))
        {
            line += $" — {e.Detail}";
        }

        return line + " at " + e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
