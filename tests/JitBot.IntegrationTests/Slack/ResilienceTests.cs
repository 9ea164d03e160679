using System.Globalization;
using JitBot.Core.Lifecycle;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Slack;
using JitBot.Testing.Webhook;
using Microsoft.Extensions.DependencyInjection;

namespace JitBot.IntegrationTests.Slack;

public sealed class ResilienceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [RedisFact]
    public async Task A_grant_active_across_a_restart_of_the_host_is_still_revoked_on_time()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 8s INC-1 restart");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        await bot.StopBotAsync();
        await bot.StartBotAsync();

        var revoke = await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        AssertOnTime(grant, revoke);
        await bot.AuditLineAsync(id, "grant.revoked");
    }

    [RedisFact]
    public async Task The_host_killed_while_the_webhook_is_still_answering_the_grant_still_revokes_on_time_and_never_grants_again()
    {
        await using var bot = await BotHarness.CreateAsync();
        var held = bot.Webhook.HoldAnswers("grant");
        string id;
        WebhookCall grant;
        await using (var process = await BotProcess.StartAsync(bot.Settings))
        {
            using var client = new HttpClient { BaseAddress = process.BaseAddress };
            var signer = new SlackRequestSigner(BotHarness.SigningSecret);
            using var command = await client.SendAsync(signer.SlashCommand("/slack/commands", "U0ALICE", BotHarness.CommandChannel, "request payments-db readonly 10s INC-1 kill"));
            id = System.Text.RegularExpressions.Regex.Match(await command.Content.ReadAsStringAsync(), @"JIT-\d+").Value;
            using (await client.SendAsync(signer.ButtonClick("/slack/interactions", "U0BOB", BotHarness.ApproverChannel, "jit.approve", id)))
            {
            }

            grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
            await process.KillAsync();
            Assert.DoesNotContain(BotHarness.BotToken, process.Output, StringComparison.Ordinal);
        }

        held.SetResult();
        bot.Webhook.AnswerImmediately("grant");
        await bot.StartBotAsync();

        var revoke = await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        AssertOnTime(grant, revoke);
        await bot.AuditLineAsync(id, "grant.revoked");

        // A grant job that runs again now (Hangfire re-queues the killed one) must do nothing.
        await bot.Services.GetRequiredService<GrantHandler>().HandleAsync(id, CancellationToken.None);
        Assert.Single(bot.Webhook.Grants);
        Assert.DoesNotContain(bot.Webhook.Grants, g => g.ReceivedAt > revoke.ReceivedAt);
        Assert.Empty(bot.Webhook.ActiveRequestIds);
    }

    [RedisFact]
    public async Task A_webhook_that_fails_twice_then_succeeds_grants_on_the_third_attempt()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Webhook.FailNext(2);
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 flaky");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.active", Wait);
        var grants = bot.Webhook.Grants;
        Assert.Equal(3, grants.Count);
        Assert.All(grants, g => Assert.Equal($"{id}:grant", g.IdempotencyKey));
        Assert.Equal([false, false, true], grants.Select(g => g.Accepted).ToArray());
        await bot.DmAsync("U0ALICE", id, "you have");
    }

    [RedisFact]
    public async Task A_webhook_that_always_fails_ends_the_grant_failed_and_alerts()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s["Jit:GrantRetryWindow"] = "3s");
        bot.Webhook.FailAlways();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 down");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.failed", Wait);
        await bot.DmAsync("U0ALICE", id, "failed");
        await bot.Slack.WaitForCallAsync("chat.update", c => BotHarness.Mentions(c, id) && c.Blocks!.ToJsonString().Contains("ailed", StringComparison.Ordinal), Wait);
        Assert.True(bot.Webhook.Grants.Count >= 2);
    }

    [RedisFact]
    public async Task A_revoke_that_keeps_failing_alerts_the_requester_and_the_audit_channel()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 3s INC-1 stuck");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        bot.Webhook.FailAlways();

        var first = await bot.AuditLineAsync(id, "grant.revoke_failed", Wait);
        Assert.Contains("retrying", first.Arg("text"), StringComparison.Ordinal);
        await bot.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == BotHarness.AuditChannel && c.Arg("text")!.Contains("gave up", StringComparison.Ordinal), Wait);
        await bot.DmAsync("U0ALICE", id, "revoking your", Wait);
        Assert.Contains(id, bot.Webhook.ActiveRequestIds);
    }

    private static void AssertOnTime(WebhookCall grant, WebhookCall revoke)
    {
        var expiresAt = DateTimeOffset.Parse(grant.Body.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(revoke.ReceivedAt, expiresAt - TimeSpan.FromSeconds(1), expiresAt + TimeSpan.FromSeconds(2));
    }
}
