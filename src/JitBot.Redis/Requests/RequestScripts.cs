namespace JitBot.Redis.Requests;

/// <summary>The Lua scripts that keep a request and its index sets consistent. Each runs atomically in Redis.</summary>
internal static class RequestScripts
{
    /// <summary>
    /// KEYS: request hash, requester set, status set. ARGV: JSON, id, status.
    /// Returns 0 when the request exists already, else stores it at version 1 and indexes it.
    /// </summary>
    public const string Create = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          return 0
        end
        redis.call('HSET', KEYS[1], 'v', 1, 'd', ARGV[1], 's', ARGV[3])
        redis.call('SADD', KEYS[2], ARGV[2])
        redis.call('SADD', KEYS[3], ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: request hash, old status set, new status set. ARGV: expected version, JSON, id, new status.
    /// Compare-and-set: returns 0 unless the stored version is the expected one; else writes the JSON,
    /// bumps the version and moves the id between the status sets.
    /// </summary>
    public const string Replace = """
        local v = redis.call('HGET', KEYS[1], 'v')
        if (not v) or v ~= ARGV[1] then
          return 0
        end
        redis.call('HSET', KEYS[1], 'd', ARGV[2], 's', ARGV[4])
        redis.call('HINCRBY', KEYS[1], 'v', 1)
        if KEYS[2] ~= KEYS[3] then
          redis.call('SREM', KEYS[2], ARGV[3])
          redis.call('SADD', KEYS[3], ARGV[3])
        end
        return 1
        """;
}
