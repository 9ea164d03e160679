using System.Net;
using System.Text.Json.Nodes;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Testing.Builders;
using NSubstitute;

namespace JitBot.Teams.Tests;

public sealed class TeamsMessagesEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_channel_command_reaches_the_router_without_the_mention_as_the_member_by_email()
    {
        _host.Router.HandleAsync(Arg.Any<ChatContext>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(new CommandReply("JIT-9 filed"));
        var activity = _host.Activities.ChannelMention(_host.Alice, "19:general@thread.tacv2", "request payments-db readonly 2h INC-1 lag");

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.Router.Received(1).HandleAsync(
            Arg.Is<ChatContext>(c => c.Person.Email == "alice@example.com" && c.Person.Platform == Platform.Teams && c.Person.PlatformUserId == _host.Alice.AadObjectId
                && c.Channel == activity["conversation"]!["id"]!.GetValue<string>()),
            "request payments-db readonly 2h INC-1 lag",
            Arg.Any<CancellationToken>());
        var reply = Assert.Single(_host.Connector.Calls("reply"));
        Assert.Contains("JIT-9 filed", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_member_lookup_is_cached()
    {
        _host.Router.HandleAsync(Arg.Any<ChatContext>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(new CommandReply("ok"));

        for (var i = 0; i < 3; i++)
        {
            using var response = await _host.PostAsync(_host.Activities.Personal(_host.Alice, "list"));
        }

        Assert.Single(_host.Connector.Calls("member"));
        Assert.Equal(3, _host.Connector.Calls("reply").Count);
    }

    [Fact]
    public async Task Who_wrote_where_is_remembered_for_cards_and_direct_messages()
    {
        _host.Router.HandleAsync(Arg.Any<ChatContext>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(new CommandReply("ok"));

        using (await _host.PostAsync(_host.Activities.Personal(_host.Alice, "help", "a:1alice-chat")))
        {
        }

        var state = _host.State.Values;
        Assert.Equal(_host.Connector.ServiceUrl, state[$"teams:tenant:{TeamsClients.TenantId}:serviceUrl"]);
        Assert.Equal("a:1alice-chat", state[$"teams:dm:{_host.Alice.AadObjectId}"]);
        Assert.Contains(_host.Alice.Id, state[$"teams:user:{_host.Alice.AadObjectId}"], StringComparison.Ordinal);
        Assert.Equal(_host.Alice.AadObjectId, state["teams:email:alice@example.com"]);
    }

    [Fact]
    public async Task A_counted_click_answers_with_the_card_and_a_refused_one_with_a_message()
    {
        var request = Some.Request();
        _host.Requests.GetAsync("JIT-1", Arg.Any<CancellationToken>()).Returns(request);
        _host.Votes.VoteAsync(Arg.Is<ChatContext>(c => c.Person.Email == "bob@example.com"), "JIT-1", true, null, Arg.Any<CancellationToken>())
            .Returns(new VoteOutcome(true, "counted"));
        _host.Votes.VoteAsync(Arg.Is<ChatContext>(c => c.Person.Email == "alice@example.com"), "JIT-1", true, null, Arg.Any<CancellationToken>())
            .Returns(new VoteOutcome(false, "You can't approve your own request JIT-1."));

        var counted = await InvokeAsync(_host.Activities.CardAction(_host.Bob, "19:approvers@thread.tacv2", "1767765488332", "jit.approve", "JIT-1"));
        var refused = await InvokeAsync(_host.Activities.CardAction(_host.Alice, "19:approvers@thread.tacv2", "1767765488332", "jit.approve", "JIT-1"));

        Assert.Equal("application/vnd.microsoft.card.adaptive", counted["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", counted["value"]!["type"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.activity.message", refused["type"]!.GetValue<string>());
        Assert.Equal("You can't approve your own request JIT-1.", refused["value"]!.GetValue<string>());
        await _host.Votes.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default, default, default);
    }

    [Fact]
    public async Task A_deny_sends_the_reason_typed_on_the_card_with_the_vote()
    {
        _host.Requests.GetAsync("JIT-1", Arg.Any<CancellationToken>()).Returns(Some.Request());
        _host.Votes.VoteAsync(Arg.Any<ChatContext>(), "JIT-1", false, Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(new VoteOutcome(true, "You denied JIT-1."));
        var activity = _host.Activities.CardAction(_host.Bob, "19:approvers@thread.tacv2", "1767765488332", "jit.deny", "JIT-1");
        activity["value"]!["action"]!["data"]!["reason"] = "use the read\nreplica instead";

        var answer = await InvokeAsync(activity);

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());
        await _host.Votes.Received(1).VoteAsync(
            Arg.Is<ChatContext>(c => c.Person.Email == "bob@example.com"), "JIT-1", false, "use the read replica instead", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_deny_without_a_reason_still_counts_and_one_too_long_is_refused_before_any_vote()
    {
        _host.Requests.GetAsync("JIT-1", Arg.Any<CancellationToken>()).Returns(Some.Request());
        _host.Votes.VoteAsync(Arg.Any<ChatContext>(), "JIT-1", false, Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(new VoteOutcome(true, "You denied JIT-1."));
        var tooLong = _host.Activities.CardAction(_host.Bob, "19:approvers@thread.tacv2", "1767765488332", "jit.deny", "JIT-1");
        tooLong["value"]!["action"]!["data"]!["reason"] = new string('x', 501);

        var refused = await InvokeAsync(tooLong);
        await _host.Votes.DidNotReceiveWithAnyArgs().VoteAsync(default!, default!, default, default, default);
        var counted = await InvokeAsync(_host.Activities.CardAction(_host.Bob, "19:approvers@thread.tacv2", "1767765488332", "jit.deny", "JIT-1"));

        Assert.Equal("application/vnd.microsoft.activity.message", refused["type"]!.GetValue<string>());
        Assert.Contains("at most 500 characters", refused["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", counted["type"]!.GetValue<string>());
        await _host.Votes.Received(1).VoteAsync(Arg.Any<ChatContext>(), "JIT-1", false, null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_deny_from_a_client_too_old_for_execute_carries_its_reason_too()
    {
        _host.Votes.VoteAsync(Arg.Any<ChatContext>(), "JIT-1", false, Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(new VoteOutcome(true, "You denied JIT-1."));
        var activity = _host.Activities.Personal(_host.Bob, "");
        activity.Remove("text");
        activity["value"] = new JsonObject { ["verb"] = "jit.deny", ["requestId"] = "JIT-1", ["reason"] = "not during the freeze" };

        using (var response = await _host.PostAsync(activity))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await _host.Votes.Received(1).VoteAsync(Arg.Any<ChatContext>(), "JIT-1", false, "not during the freeze", Arg.Any<CancellationToken>());
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    [Theory]
    [InlineData("jit.unknown", "JIT-1", "BadRequest")]
    [InlineData("jit.approve", null, "BadRequest")]
    public async Task A_malformed_click_is_answered_with_an_error_never_an_empty_body(string verb, string? requestId, string code)
    {
        var answer = await InvokeAsync(_host.Activities.CardAction(_host.Bob, "19:approvers@thread.tacv2", "1", verb, requestId));

        Assert.Equal("application/vnd.microsoft.error", answer["type"]!.GetValue<string>());
        Assert.Equal(400, answer["statusCode"]!.GetValue<int>());
        Assert.Equal(code, answer["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invoke_that_is_not_a_card_action_is_not_implemented()
    {
        var activity = _host.Activities.CardAction(_host.Bob, "19:approvers@thread.tacv2", "1", "jit.approve", "JIT-1");
        activity["name"] = "composeExtension/query";

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Other_activities_are_acknowledged_and_nothing_is_sent()
    {
        using var response = await _host.PostAsync(_host.Activities.BotAddedToTeam(_host.Bob, "19:approvers@thread.tacv2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Connector.Calls());
        Assert.Equal(_host.Connector.ServiceUrl, _host.State.Values["teams:conversation:19:approvers@thread.tacv2:serviceUrl"]);
    }

    [Fact]
    public async Task A_token_for_another_service_url_is_401_and_the_activity_is_not_acted_on()
    {
        using var response = await _host.PostAsync(_host.Activities.Personal(_host.Alice, "help"), _host.Identity.CreateToken("https://smba.trafficmanager.net/amer/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.State.Values);
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_is_400_after_authentication()
    {
        var activity = new JsonObject { ["type"] = "message" };

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Request_alone_posts_the_form_with_what_the_person_may_request()
    {
        using (await _host.PostAsync(_host.Activities.Personal(_host.Alice, "request")))
        {
        }

        var form = Assert.Single(_host.Connector.Calls("reply")).Card!;
        var choices = form["body"]!.AsArray().Single(b => b!["id"]?.GetValue<string>() == "choice")!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>());
        Assert.Equal(["payments-cache operator", "payments-db admin", "payments-db readonly"], choices);
        Assert.Equal("jit.request", form["actions"]![0]!["verb"]!.GetValue<string>());
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    [Fact]
    public async Task Request_alone_from_someone_no_policy_lets_request_anything_says_so_instead_of_a_form()
    {
        await _host.DisposeAsync();
        _host = await TeamsTestHost.StartAsync(policy: Some.PolicyYaml.Replace("requesters: [\"*\"]", "requesters: [group:oncall]", StringComparison.Ordinal));

        using (await _host.PostAsync(_host.Activities.Personal(_host.Bob, "request")))
        {
        }

        var reply = Assert.Single(_host.Connector.Calls("reply"));
        Assert.Null(reply.Card);
        Assert.Contains("No policy lets you request anything yet", reply.Text, StringComparison.Ordinal);
        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    [Fact]
    public async Task A_submitted_form_files_the_request_through_the_router_and_replaces_the_form()
    {
        _host.Router.HandleAsync(Arg.Any<ChatContext>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(new CommandReply("JIT-12 filed: payments-db readonly for 2h."));
        var activity = _host.Activities.CardAction(_host.Alice, "a:1alice", "1", "jit.request", null);
        var data = activity["value"]!["action"]!["data"]!.AsObject();
        data["choice"] = "payments-db readonly";
        data["duration"] = " 2h ";
        data["reason"] = "INC-1\nreplication   lag";

        var answer = await InvokeAsync(activity);

        await _host.Router.Received(1).HandleAsync(Arg.Any<ChatContext>(), "request payments-db readonly 2h INC-1 replication lag", Arg.Any<CancellationToken>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());
        Assert.Contains("JIT-12 filed", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_extend_button_files_an_extension_and_retires_itself()
    {
        _host.Router.HandleAsync(Arg.Any<ChatContext>(), "extend JIT-3", Arg.Any<CancellationToken>()).Returns(new CommandReply("JIT-4 filed: extend JIT-3 by 2h."));

        var answer = await InvokeAsync(_host.Activities.CardAction(_host.Alice, "a:1alice", "1767765488332", "jit.extend", "JIT-3"));

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]!.GetValue<string>());
        Assert.Contains("You asked for an extension: JIT-4.", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("jit.extend", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        using var response = await _host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
