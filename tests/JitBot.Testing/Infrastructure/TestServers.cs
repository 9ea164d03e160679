namespace JitBot.Testing.Infrastructure;

/// <summary>
/// The real servers tests use, as <c>.ci/run</c> starts them: <c>JITBOT_TEST_REDIS</c> (host:port) and
/// <c>JITBOT_TEST_POSTGRES</c> (a connection string). Locally a missing server skips the test with a
/// reason; under <c>CI=true</c> it fails it.
/// </summary>
public static class TestServers
{
    public static string? Redis => Environment.GetEnvironmentVariable("JITBOT_TEST_REDIS");

    public static string? Postgres => Environment.GetEnvironmentVariable("JITBOT_TEST_POSTGRES");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequireRedis() =>
        Redis ?? throw new InvalidOperationException("JITBOT_TEST_REDIS is not set: .ci/run starts Redis and sets it (CI=true makes a missing server a failure).");

    public static string RequirePostgres() =>
        Postgres ?? throw new InvalidOperationException("JITBOT_TEST_POSTGRES is not set: .ci/run starts PostgreSQL and sets it (CI=true makes a missing server a failure).");

    /// <summary>A key prefix no other test shares, so tests can run side by side on one Redis.</summary>
    public static string UniquePrefix(string name) => $"test:{name}:{Guid.NewGuid():N}:";
}
