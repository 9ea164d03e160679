using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Workflow;

public sealed class OverlapTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [RedisFact]
    public async Task When_two_grants_of_the_same_access_overlap_the_first_expiry_keeps_the_access_until_the_last_ends()
    {
        await using var bot = await BotHarness.StartAsync();
        var shorter = await bot.RequestAsync("U0ALICE", "request payments-db readonly 3s INC-1 first");
        var longer = await bot.RequestAsync("U0ALICE", "request payments-db readonly 9s INC-2 second");
        using (await bot.ClickAsync("U0BOB", "jit.approve", shorter))
        {
        }

        using (await bot.ClickAsync("U0BOB", "jit.approve", longer))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", longer, Wait);
        var kept = await bot.AuditLineAsync(shorter, "grant.revoked", Wait);
        Assert.Contains($"access stays: {longer} still holds it", kept.Arg("text"), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Revokes);
        await bot.DmAsync("U0ALICE", shorter, "you keep");

        await bot.Webhook.WaitForAsync(w => w.Revokes.Count == 2, Wait);
        Assert.Equal(longer, bot.Webhook.Revokes[0].RequestId);
        Assert.Equal(shorter, bot.Webhook.Revokes[1].RequestId);
        Assert.Empty(bot.Webhook.ActiveRequestIds);
    }

    [RedisFact]
    public async Task Revoking_one_of_two_overlapping_grants_early_keeps_the_access()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 first");
        var second = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-2 second");
        using (await bot.ClickAsync("U0BOB", "jit.approve", first))
        {
        }

        using (await bot.ClickAsync("U0BOB", "jit.approve", second))
        {
        }

        await bot.AuditLineAsync(second, "grant.active", Wait);
        await bot.CommandTextAsync("U0ALICE", $"revoke {first}");
        await bot.AuditLineAsync(first, "grant.revoked", Wait);
        Assert.Empty(bot.Webhook.Revokes);

        await bot.CommandTextAsync("U0ALICE", $"revoke {second}");
        await bot.Webhook.WaitForAsync(w => w.Revokes.Count == 2, Wait);
        Assert.Empty(bot.Webhook.ActiveRequestIds);
    }
}
