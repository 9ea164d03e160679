using StackExchange.Redis;

namespace JitBot.Redis;

/// <summary>The key layout under one prefix.</summary>
internal sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey Sequence => Prefix + "seq:request";

    public RedisKey Request(string id) => Prefix + "req:" + id;

    public RedisKey ByRequester(string email) => Prefix + "by-requester:" + email.ToLowerInvariant();

    public RedisKey ByStatus(string status) => Prefix + "status:" + status;

    public RedisKey AuditStream => Prefix + "audit";

    public RedisKey AuditHead => Prefix + "audit:head";

    public RedisKey PlatformState => Prefix + "platform-state";

    public RedisKey Lease(string name) => Prefix + "lease:" + name;
}
