using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JitBot.Core.Audit;

namespace JitBot.Redis.Audit;

/// <summary>
/// The hash chain over audit entries. Each entry carries <c>prev</c> (the hash of the entry before it, empty for
/// the first) and <c>hash</c> = SHA-1 hex of <c>prev</c> followed by the canonical fields, each written as
/// <c>{UTF-8 byte length}:{value}\n</c>. The Lua append script computes the same with <c>redis.sha1hex</c>
/// (the only digest Redis scripts have), so entries written by Redis verify here.
/// </summary>
internal static class AuditChain
{
    /// <summary>Field names, in canonical order, as stored in the stream.</summary>
    public static readonly string[] FieldNames =
        ["type", "requestId", "actor", "requester", "resource", "role", "at", "detail", "revocation"];

    public static string[] Fields(AuditEvent e) =>
    [
        e.Type, e.RequestId, e.Actor, e.Requester, e.Resource, e.Role, FormatAt(e.At), e.Detail ?? "", e.Revocation ?? "",
    ];

    public static AuditEvent ToEvent(string id, IReadOnlyList<string> fields) =>
        new(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], ParseAt(fields[6]), NullIfEmpty(fields[7]), NullIfEmpty(fields[8]))
        {
            Id = id,
        };

    public static string FormatAt(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseAt(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string Hash(string prev, IReadOnlyList<string> fields)
    {
        var text = new StringBuilder(prev);
        foreach (var field in fields)
        {
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        // SHA-1 because redis.sha1hex is what Lua in Redis offers; the chain detects edits, it is no signature.
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text.ToString())));
#pragma warning restore CA5350
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
