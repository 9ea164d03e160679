using System.Globalization;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Workflow;

public sealed class ExtendTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [RedisFact]
    public async Task An_approved_extension_moves_the_revocation_to_the_new_expiry_after_a_reminder()
    {
        await using var bot = await BotHarness.StartAsync(configure: s => s["Jit:ExpiryReminder"] = "4s");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 6s INC-1 needs more");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        await bot.DmAsync("U0ALICE", id, $"extend {id}");

        var extension = await bot.RequestAsync("U0ALICE", $"extend {id} 8s");
        Assert.NotEqual(id, extension);
        await bot.CardPostedAsync(extension);
        Assert.Contains("your own request", await bot.CommandTextAsync("U0ALICE", $"approve {extension}"), StringComparison.Ordinal);
        using (await bot.ClickAsync("U0ERIN", "jit.approve", extension))
        {
        }

        var extended = await bot.AuditLineAsync(id, "grant.extended", Wait);
        Assert.Contains($"through {extension}", extended.Arg("text"), StringComparison.Ordinal);
        await bot.DmAsync("U0ALICE", id, "now runs until");

        var revoke = await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        var firstExpiry = DateTimeOffset.Parse(grant.Body.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(revoke.ReceivedAt, firstExpiry + TimeSpan.FromSeconds(7), firstExpiry + TimeSpan.FromSeconds(10));
        Assert.Single(bot.Webhook.Grants);
        Assert.DoesNotContain(bot.Webhook.Calls, c => c.RequestId == extension);
    }

    [RedisFact]
    public async Task An_extension_past_the_global_maximum_or_by_someone_else_is_refused_and_past_the_roles_goes_to_approvers()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 3h INC-1 long");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.active", Wait);
        Assert.Contains("at most 9h more", await bot.CommandTextAsync("U0ALICE", $"extend {id} 10h"), StringComparison.Ordinal);
        Assert.Contains("Only the requester", await bot.CommandTextAsync("U0BOB", $"extend {id} 30m"), StringComparison.Ordinal);
        Assert.Contains("Usage", await bot.CommandTextAsync("U0ALICE", $"extend {id} soon"), StringComparison.Ordinal);
        Assert.Contains("only the approvers can grant it", await bot.CommandTextAsync("U0ALICE", $"extend {id} 2h"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Two_extends_at_once_file_one_extension_and_the_other_is_told_it_is_waiting()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 lag");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.active", Wait);
        var answers = await Task.WhenAll(
            bot.CommandTextAsync("U0ALICE", $"extend {id} 30m"),
            bot.CommandTextAsync("U0ALICE", $"extend {id} 30m"));

        Assert.Single(answers, a => a.Contains("filed: extend", StringComparison.Ordinal));
        var waiting = Assert.Single(answers, a => a.Contains("already asks to extend", StringComparison.Ordinal));
        Assert.Contains("wait until it is decided", await bot.CommandTextAsync("U0ALICE", $"extend {id} 30m"), StringComparison.Ordinal);
        var extension = waiting.Split(' ')[0];
        await bot.CommandTextAsync("U0ERIN", $"deny {extension} not needed");
        await bot.AuditLineAsync(extension, "request.denied", Wait);
        Assert.Contains("filed: extend", await bot.CommandTextAsync("U0ALICE", $"extend {id} 30m"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Auto_approval_extends_within_the_roles_maximum_but_beyond_it_only_approvers_can()
    {
        await using var bot = await BotHarness.CreateAsync(policy: RoutingTests.Policy);
        bot.Clock = ShiftedTimeProvider.NextWeekday(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin");
        await bot.StartBotAsync();
        var id = System.Text.RegularExpressions.Regex.Match(
            await bot.CommandTextAsync("U0ALICE", "request payments-db oncall 30m INC-90 db down"), @"JIT-\d+").Value;
        await bot.AuditLineAsync(id, "grant.active", Wait);

        Assert.Contains("auto-approved", await bot.CommandTextAsync("U0ALICE", $"extend {id} 1h"), StringComparison.Ordinal);
        await bot.AuditLineAsync(id, "grant.extended", Wait);
        var beyond = await bot.CommandTextAsync("U0ALICE", $"extend {id} 45m");

        Assert.Contains("only the approvers can grant it", beyond, StringComparison.Ordinal);
        var extension = System.Text.RegularExpressions.Regex.Match(beyond, @"JIT-\d+").Value;
        await bot.CardPostedAsync(extension);
        using (await bot.ClickAsync("U0BOB", "jit.approve", extension))
        {
        }

        var lines = await Eventually.GetAsync(
            () => Task.FromResult(bot.AuditLines(id).Count(l => l.Arg("text")!.Contains("grant.extended", StringComparison.Ordinal)) == 2 ? bot.AuditLines(id) : null),
            Wait,
            "the second extension applied");
        Assert.Contains(lines, l => l.Arg("text")!.Contains($"by 45m through {extension}", StringComparison.Ordinal));
    }
}
