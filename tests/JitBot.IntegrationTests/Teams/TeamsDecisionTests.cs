using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;

namespace JitBot.IntegrationTests.Teams;

/// <summary>Deciding in Teams: <c>pending</c>, <c>approve</c> and <c>deny</c> typed, and the card's Deny with its reason.</summary>
public sealed class TeamsDecisionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Pending_lists_what_waits_for_me_and_approve_and_deny_typed_in_teams_decide_it()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: TeamsWorkflowTests.Policy);
        var teams = bot.Teams;
        var first = await teams.RequestAsync(teams.Alice, "request payments-db reader 1h INC-11 check lag");
        var second = await teams.RequestAsync(teams.Dave, "request payments-db reader 30m INC-12 look at locks");

        var bobs = await teams.SayAsync(teams.Bob, "pending");
        Assert.Contains($"{first} alice@example.com: payments-db reader for 1h, 0 of 1 approvals. Reason: INC-11 check lag", bobs, StringComparison.Ordinal);
        Assert.Contains($"{second} dave@example.com: payments-db reader for 30m", bobs, StringComparison.Ordinal);
        var alices = await teams.SayAsync(teams.Alice, "pending");
        Assert.DoesNotContain(first, alices, StringComparison.Ordinal);
        Assert.Contains(second, alices, StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting for your decision", await teams.SayAsync(teams.Mallory, "pending"), StringComparison.Ordinal);
        Assert.Contains("not an approver", await teams.SayAsync(teams.Mallory, $"approve {first}"), StringComparison.Ordinal);

        Assert.Contains($"You approved {first}", await teams.SayAsync(teams.Bob, $"approve {first}"), StringComparison.Ordinal);

        var grant = await bot.Webhook.WaitForCallAsync("grant", first, Wait);
        Assert.Equal("bob@example.com", Assert.Single(grant.Body.GetProperty("approvers").EnumerateArray()).GetString());
        await teams.CardShowsAsync(first, "Approved by Bob (bob@example.com)");
        await teams.DmAsync(teams.Alice, first, "approved by bob@example.com");

        var denied = await teams.CommandTextAsync(teams.Erin, $"deny {second} use the read replica instead");

        Assert.Contains($"You denied {second}", denied, StringComparison.Ordinal);
        await teams.CardShowsAsync(second, "Denied by Erin (erin@example.com): use the read replica instead.");
        await teams.DmAsync(teams.Dave, second, "denied by erin@example.com: use the read replica instead");
        Assert.Contains("use the read replica instead", TeamsWorld.Plain((await teams.AuditLineAsync(second, "request.denied")).Text), StringComparison.Ordinal);
        Assert.Contains("Nothing is waiting for your decision", await teams.SayAsync(teams.Bob, "pending"), StringComparison.Ordinal);
        Assert.Contains($"{second} is already denied", await teams.SayAsync(teams.Bob, $"approve {second}"), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Webhook.Calls, c => c.RequestId == second);
    }

    [RedisFact]
    public async Task The_cards_deny_asks_for_a_reason_that_the_card_the_requester_and_the_audit_show()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: TeamsWorkflowTests.Policy);
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-db reader 1h INC-13 lag");

        var deny = (await teams.CardPostedAsync(id)).Card!["actions"]![1]!;
        Assert.Equal("Action.ShowCard", deny["type"]!.GetValue<string>());
        Assert.Equal("reason", deny["card"]!["body"]![0]!["id"]!.GetValue<string>());
        var submit = deny["card"]!["actions"]![0]!;
        Assert.Equal(("Action.Execute", "jit.deny", id), (submit["type"]!.GetValue<string>(), submit["verb"]!.GetValue<string>(), submit["data"]!["requestId"]!.GetValue<string>()));

        var outsider = await teams.ClickWithAsync(teams.Mallory, "jit.deny", id, new Dictionary<string, string> { ["reason"] = "I don't like it" });
        Assert.Equal(TeamsWorld.InvokeMessage, outsider["type"]!.GetValue<string>());
        Assert.Contains("not an approver", outsider["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var tooLong = await teams.ClickWithAsync(teams.Erin, "jit.deny", id, new Dictionary<string, string> { ["reason"] = new string('x', 501) });
        Assert.Contains("at most 500 characters", tooLong["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("0 of 1", await teams.CommandTextAsync(teams.Alice, "list"), StringComparison.Ordinal);

        var answer = await teams.ClickWithAsync(teams.Erin, "jit.deny", id, new Dictionary<string, string> { ["reason"] = "use the read replica\ninstead " });

        Assert.Equal(TeamsWorld.InvokeCard, answer["type"]!.GetValue<string>());
        Assert.Contains("Denied by Erin (erin@example.com): use the read replica instead.", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        await teams.CardShowsAsync(id, "Denied by Erin (erin@example.com): use the read replica instead.");
        await teams.DmAsync(teams.Alice, id, "denied by erin@example.com: use the read replica instead");
        Assert.Contains("deny: use the read replica instead", TeamsWorld.Plain((await teams.AuditLineAsync(id, "request.vote")).Text), StringComparison.Ordinal);
        Assert.Contains("use the read replica instead", TeamsWorld.Plain((await teams.AuditLineAsync(id, "request.denied")).Text), StringComparison.Ordinal);
        Assert.Empty(bot.Webhook.Calls);
        Assert.Single(teams.AuditLines(id), l => l.Contains("request.denied", StringComparison.Ordinal));
    }
}
