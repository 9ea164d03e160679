using System.Net;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class HostTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_embedded_store_runs_the_whole_flow_and_says_so_at_start()
    {
        await using var bot = await BotHarness.StartAsync(redis: false);
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 3s INC-1 embedded");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("embedded in-memory store", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Chat platforms enabled: Slack", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task Health_is_200_and_readiness_follows_the_store()
    {
        await using var bot = await BotHarness.StartAsync();
        using (var health = await bot.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var ready = await bot.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task Readiness_is_503_when_redis_does_not_answer_and_commands_get_a_clear_answer()
    {
        await using var bot = await BotHarness.StartAsync(redis: false, configure: s => s["Redis:ConnectionString"] = "127.0.0.1:1,connectTimeout=500");

        using (var ready = await bot.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        using (var health = await bot.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using var response = await bot.CommandAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("try again", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
