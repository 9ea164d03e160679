namespace JitBot.Redis.Tests.Infrastructure;

/// <summary>Marks a test class whose <see cref="ContractFactAttribute"/> tests run against the test Redis.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsRedisAttribute : Attribute;
