using System.Net;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Teams;

namespace JitBot.IntegrationTests.Teams;

public sealed class TeamsCommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_command_in_the_one_to_one_chat_is_answered_there_exactly_as_written()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var activity = teams.Activities.Personal(teams.Alice, "help");

        using (var response = await teams.PostAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var conversation = activity["conversation"]!["id"]!.GetValue<string>();
        var reply = await teams.Connector.WaitForCallAsync("reply", c => c.ConversationId == conversation, Wait);
        Assert.Equal("xml", reply.Json!["textFormat"]!.GetValue<string>());
        Assert.Contains("request &lt;resource&gt;", reply.Text, StringComparison.Ordinal);
        Assert.Contains("request <resource> [<role>] <duration>", TeamsWorld.Plain(reply.Text), StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(conversation), reply.RawTarget, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_channel_command_is_answered_in_its_thread_mentioning_the_person()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var activity = teams.Activities.ChannelMention(teams.Alice, TeamsWorld.GeneralChannel, "request payments-replica readonly 99h INC-1 too long");

        using (await teams.PostAsync(activity))
        {
        }

        var conversation = activity["conversation"]!["id"]!.GetValue<string>();
        var reply = await teams.Connector.WaitForCallAsync("reply", c => c.ConversationId == conversation, Wait);
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.Json!["replyToId"]!.GetValue<string>());
        Assert.StartsWith("<at>Alice</at>", reply.Text, StringComparison.Ordinal);
        Assert.Equal(teams.Alice.Id, reply.Json["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
        Assert.Empty(bot.Webhook.Calls);
    }

    [RedisFact]
    public async Task Request_alone_posts_a_form_whose_submission_files_the_request()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var activity = teams.Activities.Personal(teams.Dave, "request");
        using (await teams.PostAsync(activity))
        {
        }

        var conversation = activity["conversation"]!["id"]!.GetValue<string>();
        var form = (await teams.Connector.WaitForCallAsync("reply", c => c.ConversationId == conversation && c.Card is not null, Wait)).Card!;
        Assert.Contains("payments-replica readonly", form.ToJsonString(), StringComparison.Ordinal);

        var submit = teams.Activities.CardAction(teams.Dave, conversation, "1", "jit.request", null);
        var data = submit["value"]!["action"]!["data"]!.AsObject();
        data["choice"] = "payments-replica readonly";
        data["duration"] = "1h";
        data["reason"] = "INC-5 replica lag";
        using var response = await teams.PostAsync(submit);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());
        var id = System.Text.RegularExpressions.Regex.Match(answer["value"]!.ToJsonString(), @"JIT-\d+").Value;
        Assert.Contains("INC-5 replica lag", (await teams.CardPostedAsync(id)).Everything, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_person_without_email_is_told_why_and_nothing_is_filed()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var nobody = new FakeTeamsMember("29:1nobody", Guid.NewGuid().ToString(), "Nobody", null, null);
        teams.Connector.AddMember(nobody);

        var answer = await teams.CommandTextAsync(nobody, "request payments-replica readonly 1h INC-1 lag");

        Assert.Contains("can't see an email", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("JIT-", answer, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task Someone_known_only_by_user_principal_name_approves_by_that_address()
    {
        await using var bot = await BotHarness.StartTeamsAsync();
        var teams = bot.Teams;
        var id = await teams.RequestAsync(teams.Alice, "request payments-replica readonly 1h INC-3 lag");

        Assert.Contains("approved", await teams.CommandTextAsync(teams.Erin, $"approve {id}"), StringComparison.Ordinal);

        var grant = await bot.Webhook.WaitForCallAsync("grant", id, Wait);
        Assert.Equal("erin@example.com", grant.Body.GetProperty("approvers")[0].GetString());
    }
}
