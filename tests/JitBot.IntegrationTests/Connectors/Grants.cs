using JitBot.Core.Grants;
using JitBot.Core.Requests;

namespace JitBot.IntegrationTests.Connectors;

/// <summary>A grant as the core describes it to a connector, for tests that call a connector of a running bot directly.</summary>
internal static class Grants
{
    public static GrantContext For(string resource, string role, long number, string email = "alice@example.com", TimeSpan? duration = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new GrantContext(RequestIds.From(number), number, resource, role, email, "U0ALICE", null, "INC-7 test", ["bob@example.com"], now, now + (duration ?? TimeSpan.FromHours(1)));
    }
}
