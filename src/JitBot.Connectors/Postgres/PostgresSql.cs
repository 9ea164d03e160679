using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JitBot.Connectors.Postgres;

/// <summary>
/// The only way text gets into a statement of this connector. Identifiers (database roles and users from
/// configuration, validated policy role names, generated login names) are always double-quoted; the two literals
/// PostgreSQL takes no parameter for in DDL (a SCRAM verifier, a timestamp) are checked against their exact
/// shape before they are written. Everything else is a parameter.
/// </summary>
internal static partial class PostgresSql
{
    /// <summary>Why <paramref name="name"/> cannot be a role name, or null when it can.</summary>
    public static string? Problem(string name) =>
        name.Length == 0 ? "is empty"
        : name.Contains('\0', StringComparison.Ordinal) ? "contains a NUL character"
        : Encoding.UTF8.GetByteCount(name) > PostgresOptions.MaxIdentifierBytes ? $"is longer than {PostgresOptions.MaxIdentifierBytes} bytes"
        : null;

    /// <summary><c>"name"</c> with any <c>"</c> doubled: a quoted identifier, whatever it holds.</summary>
    public static string Identifier(string name) =>
        Problem(name) is { } problem
            ? throw new ArgumentException($"not a role name: it {problem}", nameof(name))
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A SCRAM verifier as a string literal; anything not shaped like one is refused.</summary>
    public static string VerifierLiteral(string verifier) =>
        Verifier().IsMatch(verifier) ? "'" + verifier + "'" : throw new ArgumentException("not a SCRAM-SHA-256 verifier", nameof(verifier));

    /// <summary>A UTC timestamp literal (<c>'2026-12-03T12:00:00.000Z'</c>).</summary>
    public static string TimestampLiteral(DateTimeOffset at) =>
        "'" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "'";

    [GeneratedRegex(@"^SCRAM-SHA-256\$[0-9]{1,7}:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")]
    private static partial Regex Verifier();
}
