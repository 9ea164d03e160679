using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Slack;

public sealed class LifecycleTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_request_is_approved_granted_and_revoked_at_expiry_with_every_step_audited()
    {
        await using var bot = await BotHarness.StartAsync();

        var answer = await bot.CommandTextAsync("U0ALICE", "request payments-db readonly 5s INC-4312 checking lag");
        Assert.Contains("filed", answer, StringComparison.Ordinal);
        var id = await Eventually.GetAsync(() => Task.FromResult<string?>(System.Text.RegularExpressions.Regex.Match(answer, @"JIT-\d+").Value), Wait, "id");

        var card = await bot.CardPostedAsync(id);
        var blocks = card.Blocks!.ToJsonString();
        Assert.Contains("jit.approve", blocks, StringComparison.Ordinal);
        Assert.Contains("jit.deny", blocks, StringComparison.Ordinal);
        Assert.Contains("INC-4312 checking lag", blocks, StringComparison.Ordinal);

        using (var click = await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
            Assert.True(click.IsSuccessStatusCode);
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.True(grant.IsAuthentic);
        Assert.Equal("alice@example.com", grant.Email);
        Assert.Equal($"{id}:grant", grant.IdempotencyKey);

        var update = await bot.Slack.WaitForCallAsync("chat.update", c => BotHarness.Mentions(c, id) && !c.Blocks!.ToJsonString().Contains("jit.approve", StringComparison.Ordinal), Wait);
        Assert.Equal(card.Arg("channel"), update.Arg("channel"));
        await bot.DmAsync("U0ALICE", id, "approved");
        await bot.DmAsync("U0ALICE", id, "you have");

        var revoke = await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        var expiresAt = DateTimeOffset.Parse(grant.Body.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(revoke.ReceivedAt, expiresAt - TimeSpan.FromSeconds(1), expiresAt + TimeSpan.FromSeconds(2));
        Assert.Empty(bot.Webhook.ActiveRequestIds);
        await bot.DmAsync("U0ALICE", id, "revoked");

        foreach (var type in new[] { "request.submitted", "request.vote", "request.approved", "grant.active", "grant.revoked" })
        {
            await bot.AuditLineAsync(id, type);
        }

        Assert.Contains("(at_expiry)", (await bot.AuditLineAsync(id, "grant.revoked")).Arg("text"), StringComparison.Ordinal);
    }
}
