namespace JitBot.Redis;

/// <summary>The <c>Redis</c> section: where requests, audit events and Hangfire jobs are kept.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string. Empty: the embedded in-memory store (single process, not durable).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Prefix of every key the bot writes, so that several bots can share one Redis.</summary>
    public string Prefix { get; set; } = "jitbot:";

    public bool IsEmbedded => string.IsNullOrWhiteSpace(ConnectionString);
}
