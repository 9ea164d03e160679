using System.Globalization;
using System.Text.RegularExpressions;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Teams;
using JitBot.Testing.Webhook;

namespace JitBot.IntegrationTests.Teams;

/// <summary>Extensions asked for in Teams, by the reminder's Extend button or typed, move the revocation once approved.</summary>
public sealed partial class TeamsExtendTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RevokeWait = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task The_reminders_extend_button_files_an_extension_that_once_approved_moves_the_revocation()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: TeamsWorkflowTests.Policy, configure: s => s["Jit:ExpiryReminder"] = "6s");
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-db reader 8s INC-1 needs more");
        await teams.ClickAsync(teams.Bob, "jit.approve", id);
        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);

        var reminder = await teams.Connector.WaitForCallAsync(
            "send", c => teams.IsChatWith(teams.Alice, c.ConversationId) && c.Everything.Contains("jit.extend", StringComparison.Ordinal), Wait);
        Assert.Contains($"{id}: your payments-db reader access ends at", TeamsWorld.Plain(reminder.Card!.ToJsonString()), StringComparison.Ordinal);
        var button = reminder.Card["actions"]![0]!;
        Assert.Equal(("Action.Execute", "jit.extend", id), (button["type"]!.GetValue<string>(), button["verb"]!.GetValue<string>(), button["data"]!["requestId"]!.GetValue<string>()));

        var answer = await teams.ClickInChatAsync(teams.Alice, reminder, "jit.extend", id);

        Assert.Equal(TeamsWorld.InvokeCard, answer["type"]!.GetValue<string>());
        var extension = RequestId().Matches(answer["value"]!.ToJsonString()).Select(m => m.Value).First(v => v != id);
        Assert.Contains($"You asked for an extension: {extension}.", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        await teams.Connector.WaitForCallAsync("update", c => c.ActivityId == reminder.ResultId && !c.Everything.Contains("jit.extend", StringComparison.Ordinal), Wait);

        var card = await teams.CardPostedAsync(extension);
        Assert.Contains($"extend {id}", TeamsWorld.Plain(card.Card!.ToJsonString()), StringComparison.Ordinal);
        var own = await teams.ClickAsync(teams.Alice, "jit.approve", extension);
        Assert.Contains("your own request", own["value"]!.GetValue<string>(), StringComparison.Ordinal);
        await teams.ClickAsync(teams.Erin, "jit.approve", extension);

        await ExpectMovedAsync(bot, teams.Alice, id, extension, grant, TimeSpan.FromSeconds(8));
    }

    [RedisFact]
    public async Task Extend_typed_in_the_chat_files_an_extension_that_once_approved_moves_the_revocation()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: TeamsWorkflowTests.Policy);
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Dave, "request payments-db reader 8s INC-2 needs more");
        await teams.ClickAsync(teams.Bob, "jit.approve", id);
        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);

        Assert.Contains($"Only the requester can extend {id}", await teams.SayAsync(teams.Bob, $"extend {id} 5s"), StringComparison.Ordinal);
        var answer = await teams.SayAsync(teams.Dave, $"extend {id} 5s");

        Assert.Contains("filed", answer, StringComparison.Ordinal);
        var extension = RequestId().Matches(answer).Select(m => m.Value).First(v => v != id);
        Assert.Contains($"extend {id} by 5s", answer, StringComparison.Ordinal);
        await teams.CardPostedAsync(extension);
        Assert.Contains($"You approved {extension}", await teams.SayAsync(teams.Erin, $"approve {extension}"), StringComparison.Ordinal);

        await ExpectMovedAsync(bot, teams.Dave, id, extension, grant, TimeSpan.FromSeconds(5));
    }

    /// <summary>grant.extended is audited, the requester told, and the one revocation lands at the new expiry, not the old.</summary>
    private static async Task ExpectMovedAsync(BotHarness bot, FakeTeamsMember requester, string id, string extension, WebhookCall grant, TimeSpan extra)
    {
        var teams = bot.Teams;
        var extended = await teams.AuditLineAsync(id, "grant.extended");
        Assert.Contains($"through {extension}", TeamsWorld.Plain(extended.Text), StringComparison.Ordinal);
        await teams.DmAsync(requester, id, "now runs until");

        var revoke = await bot.Webhook.WaitForCallAsync("revoke", id, RevokeWait);
        var firstExpiry = DateTimeOffset.Parse(grant.Body.GetProperty("expiresAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(revoke.ReceivedAt, firstExpiry + extra - TimeSpan.FromSeconds(1), firstExpiry + extra + TimeSpan.FromSeconds(2));
        Assert.Single(bot.Webhook.Grants);
        Assert.Single(bot.Webhook.Calls, c => c.Event == "revoke");
        Assert.DoesNotContain(bot.Webhook.Calls, c => c.RequestId == extension);
        await teams.AuditLineAsync(id, "grant.revoked");
        await teams.DmAsync(requester, id, "revoked");
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestId();
}
