using Xunit;

namespace JitBot.Testing.Infrastructure;

/// <summary>A fact that needs the test Redis: skipped locally without it, failed under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (TestServers.Redis is null && !TestServers.IsCi)
        {
            Skip = "needs Redis: set JITBOT_TEST_REDIS=host:port (.ci/run does)";
        }
    }
}
