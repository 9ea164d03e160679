using Xunit.Sdk;

namespace JitBot.Redis.Tests.Infrastructure;

/// <summary>
/// A contract test, written once in an abstract base class and run by each implementation's subclass. It is
/// skipped (like <c>[RedisFact]</c>) in a subclass marked <see cref="NeedsRedisAttribute"/> when no test Redis
/// is configured locally, and fails without one under <c>CI=true</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("JitBot.Redis.Tests.Infrastructure.ContractFactDiscoverer", "JitBot.Redis.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
