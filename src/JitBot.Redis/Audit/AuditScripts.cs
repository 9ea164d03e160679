namespace JitBot.Redis.Audit;

/// <summary>The Lua script that appends to the audit stream and extends the hash chain in one step.</summary>
internal static class AuditScripts
{
    /// <summary>
    /// KEYS: stream, head. ARGV: the canonical fields in <see cref="AuditChain.FieldNames"/> order.
    /// Returns the new entry's id. The hash is computed as <see cref="AuditChain.Hash"/> does.
    /// </summary>
    public const string Append = """
        local prev = redis.call('GET', KEYS[2])
        if not prev then
          prev = ''
        end
        local canonical = ''
        for i = 1, #ARGV do
          canonical = canonical .. string.len(ARGV[i]) .. ':' .. ARGV[i] .. '\n'
        end
        local hash = redis.sha1hex(prev .. canonical)
        local id = redis.call('XADD', KEYS[1], '*',
          'type', ARGV[1], 'requestId', ARGV[2], 'actor', ARGV[3], 'requester', ARGV[4], 'resource', ARGV[5],
          'role', ARGV[6], 'at', ARGV[7], 'detail', ARGV[8], 'revocation', ARGV[9], 'prev', prev, 'hash', hash)
        redis.call('SET', KEYS[2], hash)
        return id
        """;
}
