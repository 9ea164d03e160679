using System.ComponentModel;
using JitBot.Testing.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace JitBot.Redis.Tests.Infrastructure;

/// <summary>A contract test case: skipped, with the reason <c>[RedisFact]</c> gives, when its class needs an absent Redis.</summary>
public sealed class ContractTestCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var needsRedis = TestMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsRedisAttribute)).Any();
        return needsRedis && TestServers.Redis is null && !TestServers.IsCi
            ? "needs Redis: set JITBOT_TEST_REDIS=host:port (.ci/run does)"
            : base.GetSkipReason(factAttribute);
    }
}
