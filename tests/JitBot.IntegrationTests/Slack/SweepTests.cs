using JitBot.Core.Lifecycle;
using JitBot.Core.Requests;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Builders;
using JitBot.Testing.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JitBot.IntegrationTests.Slack;

/// <summary>
/// Work a command hands over is stored just after the answer; these requests are left as a crash in that moment
/// would leave them, and the sweep finishes what they started.
/// </summary>
public sealed class SweepTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [RedisFact]
    public async Task A_pending_request_whose_card_was_lost_gets_its_card_once_and_an_overdue_one_times_out()
    {
        await using var bot = await BotHarness.StartAsync();
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var sweeper = bot.Services.GetRequiredService<RequestSweeper>();
        var now = DateTimeOffset.UtcNow;
        await store.CreateAsync(Lost("JIT-900001", now - TimeSpan.FromMinutes(2)), CancellationToken.None);
        await store.CreateAsync(Lost("JIT-900002", now - TimeSpan.FromHours(2)), CancellationToken.None);
        await store.CreateAsync(Lost("JIT-900003", now), CancellationToken.None);

        Assert.Equal(2, await sweeper.SweepAsync(CancellationToken.None));
        await bot.CardPostedAsync("JIT-900001");
        await bot.AuditLineAsync("JIT-900002", "request.timed_out", Wait);
        await bot.DmAsync("U0ALICE", "JIT-900002", "timed out", Wait);

        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
        Assert.DoesNotContain(bot.Slack.Calls("chat.postMessage"), c => BotHarness.Mentions(c, "JIT-900003"));
        Assert.Single(bot.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == BotHarness.ApproverChannel && BotHarness.Mentions(c, "JIT-900001"));
    }

    [RedisFact]
    public async Task An_approved_request_whose_grant_was_lost_is_granted_and_later_revoked()
    {
        await using var bot = await BotHarness.StartAsync();
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var decidedAt = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(2);
        var approved = Lost("JIT-900004", decidedAt - TimeSpan.FromMinutes(1)) with
        {
            Duration = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(6),
            Status = RequestStatus.Approved,
            DecidedAt = decidedAt,
            DecidedBy = "bob@example.com",
            GrantedAt = decidedAt,
            ExpiresAt = decidedAt + TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(6),
        };
        await store.CreateAsync(approved, CancellationToken.None);

        Assert.Equal(1, await bot.Services.GetRequiredService<RequestSweeper>().SweepAsync(CancellationToken.None));

        await bot.Webhook.WaitForCallAsync("grant", "JIT-900004", Wait);
        await bot.Webhook.WaitForCallAsync("revoke", "JIT-900004", Wait);
        Assert.Single(bot.Webhook.Grants);
    }

    [RedisFact]
    public async Task A_pending_request_whose_escalation_was_lost_is_escalated_once()
    {
        await using var bot = await BotHarness.StartAsync(policy: Workflow.RoutingTests.Policy);
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var sweeper = bot.Services.GetRequiredService<RequestSweeper>();
        var carded = Lost("JIT-900005", DateTimeOffset.UtcNow - TimeSpan.FromMinutes(2)) with
        {
            Role = "operator",
            Cards = [new CardRef(JitBot.Core.Common.Platform.Slack, BotHarness.ApproverChannel, "1700000000.000100")],
        };
        await store.CreateAsync(carded, CancellationToken.None);

        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        await bot.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "C0ESCALATE" && BotHarness.Mentions(c, "JIT-900005"), Wait);
        await Eventually.TrueAsync(() => bot.Slack.Calls("chat.postMessage").Any(c => (c.Arg("text") ?? "").Contains("Reminder", StringComparison.Ordinal)), Wait, "the reminder");

        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None));
    }

    private static AccessRequest Lost(string id, DateTimeOffset createdAt) =>
        Some.Request(id, createdAt: createdAt) with { Requester = Some.Person("alice@example.com", userId: "U0ALICE") };
}
