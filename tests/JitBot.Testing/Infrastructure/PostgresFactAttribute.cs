using Xunit;

namespace JitBot.Testing.Infrastructure;

/// <summary>A fact that needs the test PostgreSQL: skipped locally without it, failed under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestServers.Postgres is null && !TestServers.IsCi)
        {
            Skip = "needs PostgreSQL: set JITBOT_TEST_POSTGRES to a connection string (.ci/run does)";
        }
    }
}
