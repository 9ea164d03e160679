using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Connectors;

/// <summary>A fact that needs both the test PostgreSQL and the test Redis: skipped locally without them, failed under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealServersFactAttribute : FactAttribute
{
    public RealServersFactAttribute()
    {
        if ((TestServers.Postgres is null || TestServers.Redis is null) && !TestServers.IsCi)
        {
            Skip = "needs PostgreSQL and Redis: set JITBOT_TEST_POSTGRES (a connection string) and JITBOT_TEST_REDIS (host:port); .ci/run does";
        }
    }
}
