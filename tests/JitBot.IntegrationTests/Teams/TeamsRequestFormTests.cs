using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Teams;

namespace JitBot.IntegrationTests.Teams;

/// <summary><c>request</c> alone in Teams: the form card, what it offers, and what submitting it files.</summary>
public sealed partial class TeamsRequestFormTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task Request_alone_posts_a_form_offering_only_what_the_person_may_request()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: TeamsWorkflowTests.Policy);
        var teams = bot.Teams;

        var alices = (await teams.SayForCardAsync(teams.Alice, "request")).Card!;
        var mallorys = (await teams.SayForCardAsync(teams.Mallory, "request")).Card!;
        var carols = await teams.SayAsync(teams.Carol, "request");

        Assert.Equal(["payments-db admin", "payments-db oncall", "payments-db operator", "payments-db reader", "payments-db readonly"], Choices(alices));
        Assert.Contains("payments-db · reader (up to 1h, 1 approval)", Choices(alices, "title"));
        Assert.DoesNotContain("ledger-db", alices.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("jit.request", alices["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal(["ledger-db readonly"], Choices(mallorys));
        Assert.Contains("No policy lets you request anything yet", carols, StringComparison.Ordinal);
        Assert.DoesNotContain(teams.Connector.Calls("send"), c => c.Card is not null);
    }

    [RedisFact]
    public async Task In_a_channel_the_form_comes_in_the_thread_and_submitting_it_files_the_request()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: TeamsWorkflowTests.Policy);
        var teams = bot.Teams;
        var asked = teams.Activities.ChannelMention(teams.Dave, TeamsWorld.GeneralChannel, "request");
        using (await teams.PostAsync(asked))
        {
        }

        var form = await teams.Connector.WaitForCallAsync("reply", c => c.ActivityId == asked["id"]!.GetValue<string>() && c.Card is not null, Wait);
        Assert.Equal(["payments-db admin", "payments-db oncall", "payments-db operator", "payments-db reader", "payments-db readonly"], Choices(form.Card!));

        var submit = teams.Activities.CardAction(teams.Dave, TeamsWorld.GeneralChannel, form.ResultId!, "jit.request", null);
        var data = submit["value"]!["action"]!["data"]!.AsObject();
        data["choice"] = "payments-db reader";
        data["duration"] = "45m";
        data["reason"] = "INC-4312 checking\nreplication lag";
        var answer = await teams.InvokeAsync(submit);

        Assert.Equal(TeamsWorld.InvokeCard, answer["type"]!.GetValue<string>());
        var filed = TeamsWorld.Plain(answer["value"]!.ToJsonString());
        Assert.Contains("filed: payments-db reader for 45m", filed, StringComparison.Ordinal);
        var id = RequestId().Match(filed).Value;
        var card = TeamsWorld.Plain((await teams.CardPostedAsync(id)).Card!.ToJsonString());
        Assert.Contains("INC-4312 checking replication lag", card, StringComparison.Ordinal);
        Assert.Contains("dave@example.com", card, StringComparison.Ordinal);
        await teams.AuditLineAsync(id, "request.submitted");
        await teams.ClickAsync(teams.Bob, "jit.approve", id);
        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal(("dave@example.com", teams.Dave.AadObjectId), (grant.Email, grant.Body.GetProperty("user").GetProperty("teamsUserId").GetString()));
    }

    [RedisFact]
    public async Task A_form_asking_for_more_than_the_role_allows_is_refused_to_the_submitter_alone_and_files_nothing()
    {
        await using var bot = await BotHarness.StartTeamsAsync(policy: TeamsWorkflowTests.Policy);
        var teams = bot.Teams;
        var form = await teams.SayForCardAsync(teams.Alice, "request");

        var answer = await teams.ClickInChatAsync(
            teams.Alice, form, "jit.request", null, new Dictionary<string, string> { ["choice"] = "payments-db reader", ["duration"] = "3h", ["reason"] = "INC-1 too long" });

        Assert.Equal(TeamsWorld.InvokeMessage, answer["type"]!.GetValue<string>());
        Assert.Contains("at most 1h", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("no pending requests", await teams.SayAsync(teams.Alice, "list"), StringComparison.Ordinal);
        Assert.DoesNotContain(teams.Connector.Calls("send"), c => c.ConversationId == TeamsWorld.ApproverChannel);
        Assert.Empty(teams.Connector.Calls("update"));
    }

    private static List<string> Choices(JsonObject form, string part = "value") =>
        form["body"]!.AsArray().Single(b => b!["id"]?.GetValue<string>() == "choice")!["choices"]!.AsArray().Select(c => c![part]!.GetValue<string>()).ToList();

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestId();
}
