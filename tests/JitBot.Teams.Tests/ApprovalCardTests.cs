using System.Text.Json.Nodes;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Teams.Cards;
using JitBot.Testing.Builders;

namespace JitBot.Teams.Tests;

public sealed class ApprovalCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 5, 0, TimeSpan.Zero);
    private static readonly string[] Leads = ["bob@example.com", "erin@example.com", "alice@example.com"];

    [Fact]
    public void A_pending_card_is_an_adaptive_card_1_5_with_approve_and_deny_executes_carrying_the_request_id()
    {
        var card = Render(Some.Request());

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var actions = card["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["Action.Execute", "Action.ShowCard"], actions.Select(a => a["type"]!.GetValue<string>()));
        var executes = new[] { actions[0], DenyForm(card)["actions"]![0]!.AsObject() };
        Assert.Equal(["jit.approve", "jit.deny"], executes.Select(a => a["verb"]!.GetValue<string>()));
        Assert.All(executes, a =>
        {
            Assert.Equal("Action.Execute", a["type"]!.GetValue<string>());
            Assert.Equal("JIT-1", a["data"]!["requestId"]!.GetValue<string>());
            Assert.Equal("Action.Submit", a["fallback"]!["type"]!.GetValue<string>());
            Assert.Equal("JIT-1", a["fallback"]!["data"]!["requestId"]!.GetValue<string>());
        });
    }

    [Fact]
    public void Deny_opens_a_reason_under_the_card_that_its_jit_deny_sends_along()
    {
        var card = Render(Some.Request());

        var deny = card["actions"]![1]!.AsObject();
        Assert.Equal(("Deny", "destructive"), (deny["title"]!.GetValue<string>(), deny["style"]!.GetValue<string>()));
        var input = Assert.Single(DenyForm(card)["body"]!.AsArray())!.AsObject();
        Assert.Equal(("Input.Text", "reason"), (input["type"]!.GetValue<string>(), input["id"]!.GetValue<string>()));
        Assert.Equal(500, input["maxLength"]!.GetValue<int>());
        Assert.True(input["isMultiline"]!.GetValue<bool>());
        Assert.Contains("requester will see", input["label"]!.GetValue<string>(), StringComparison.Ordinal);
        var submit = Assert.Single(DenyForm(card)["actions"]!.AsArray())!.AsObject();
        Assert.Equal(("Deny", "destructive"), (submit["title"]!.GetValue<string>(), submit["style"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("use the\nread   replica ", "use the read replica")]
    public void The_deny_reason_is_optional_and_read_as_one_line(string? typed, string? reason)
    {
        var data = new JsonObject { ["requestId"] = "JIT-1" };
        if (typed is not null)
        {
            data["reason"] = typed;
        }

        Assert.Equal((reason, null), DenyReasonInput.Read(data));
    }

    [Fact]
    public void A_deny_reason_over_the_limit_is_a_problem_not_a_reason()
    {
        var (reason, problem) = DenyReasonInput.Read(new JsonObject { ["reason"] = new string('x', 501) });

        Assert.Null(reason);
        Assert.Contains("at most 500 characters", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_card_shows_the_request_and_who_is_still_asked()
    {
        var text = Texts(Render(Some.Request(), asked: ["bob@example.com", "erin@example.com"]));

        Assert.Contains("JIT access request JIT-1", text, StringComparison.Ordinal);
        Assert.Contains("alice@example.com", text, StringComparison.Ordinal);
        Assert.Contains("payments-db", text, StringComparison.Ordinal);
        Assert.Contains("readonly", text, StringComparison.Ordinal);
        Assert.Contains("2h", text, StringComparison.Ordinal);
        Assert.Contains("INC-4312 checking lag", text, StringComparison.Ordinal);
        Assert.Contains("0 of 1", text, StringComparison.Ordinal);
        Assert.Contains("Waiting for 1 more approval from: bob@example.com, erin@example.com.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_card_refreshes_itself_for_the_listed_users_at_most_sixty()
    {
        var ids = Enumerable.Range(1, 75).Select(i => $"29:user{i}").ToList();

        var refresh = Render(Some.Request(), userIds: ids)["refresh"]!;

        Assert.Equal("jit.refresh", refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("JIT-1", refresh["action"]!["data"]!["requestId"]!.GetValue<string>());
        Assert.Equal(60, refresh["userIds"]!.AsArray().Count);
    }

    [Fact]
    public void Without_known_user_ids_the_refresh_lists_none_so_small_conversations_refresh_for_everyone()
    {
        var refresh = Render(Some.Request())["refresh"]!.AsObject();

        Assert.False(refresh.ContainsKey("userIds"));
    }

    [Fact]
    public void A_decided_card_has_no_buttons_no_refresh_and_shows_the_outcome_and_deciders()
    {
        var request = Some.Request().CastVote(Some.Person("bob@example.com"), true, null, Leads.ToHashSet(), Now).Next!;

        var card = Render(request);

        Assert.Null(card["actions"]);
        Assert.Null(card["refresh"]);
        Assert.Contains("Approved by bob (bob@example.com) until 2026-12-03 12:05 UTC", Texts(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decided_two_stage_card_names_the_approvers_of_every_stage()
    {
        var request = Some.Request() with { Role = "admin", Stages = [new StagePlan("lead", 1), new StagePlan("security", 1)] };
        var lead = request.CastVote(Some.Person("carol@example.com"), true, null, new HashSet<string> { "carol@example.com" }, Now).Next!;
        var approved = lead.CastVote(Some.Person("sec@example.com"), true, null, new HashSet<string> { "sec@example.com" }, Now, stage: 1).Next!;

        Assert.Contains("Approved by carol (carol@example.com), sec (sec@example.com) until", Texts(Render(approved)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_denial_shows_who_denied_and_why()
    {
        var request = Some.Request().CastVote(Some.Person("erin@example.com"), false, "not during the freeze", Leads.ToHashSet(), Now).Next!;

        Assert.Contains("Denied by erin (erin@example.com): not during the freeze.", Texts(Render(request)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Approver", true, "You are an approver")]
    [InlineData("Requester", false, "This is your request")]
    [InlineData("NotApprover", false, "Only the approvers of payments-db")]
    public void Each_viewer_sees_what_they_may_do(string viewer, bool buttons, string note)
    {
        var context = new ApprovalCardContext(["bob@example.com"], [], Enum.Parse<CardViewer>(viewer), "someone@example.com");
        var card = ApprovalCard.Render(Some.Request(), context);

        Assert.Equal(buttons, card["actions"] is not null);
        Assert.Contains(note, Texts(card), StringComparison.Ordinal);
        Assert.NotNull(card["refresh"]);
    }

    [Fact]
    public void An_approver_who_voted_is_reminded_of_their_vote_without_buttons()
    {
        var request = Some.Request(approvals: 2).CastVote(Some.Person("bob@example.com"), true, null, Leads.ToHashSet(), Now).Next!;

        var card = ApprovalCard.Render(request, new ApprovalCardContext(["erin@example.com"], [], CardViewer.Voted, "bob@example.com"));

        Assert.Null(card["actions"]);
        Assert.Contains("You approved this request.", Texts(card), StringComparison.Ordinal);
        Assert.Contains("1 of 2", Texts(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_people_goes_only_into_text_runs_which_teams_shows_literally()
    {
        var request = Some.Request() with { Reason = "**urgent** [click](https://evil.example.com) <at>everyone</at>" };

        var card = Render(request);

        var blocks = card["body"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.DoesNotContain(blocks, b => b["type"]!.GetValue<string>() == "TextBlock" && b.ToJsonString().Contains("evil", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b["type"]!.GetValue<string>() == "RichTextBlock" && b["inlines"]!.AsArray().Any(r => r!["text"]!.GetValue<string>() == request.Reason));
    }

    [Fact]
    public void Classify_tells_the_requester_the_voters_the_approvers_and_everyone_else()
    {
        var request = Some.Request(approvals: 2).CastVote(Some.Person("bob@example.com"), true, null, Leads.ToHashSet(), Now).Next!;

        Assert.Equal(CardViewer.Requester, CardAudience.Classify(request, "ALICE@example.com", Leads));
        Assert.Equal(CardViewer.Voted, CardAudience.Classify(request, "bob@example.com", Leads));
        Assert.Equal(CardViewer.Approver, CardAudience.Classify(request, "erin@example.com", Leads));
        Assert.Equal(CardViewer.NotApprover, CardAudience.Classify(request, "mallory@example.com", Leads));
    }

    [Fact]
    public void The_asked_are_the_approvers_other_than_the_requester_who_have_not_voted()
    {
        var request = Some.Request(approvals: 2).CastVote(Some.Person("bob@example.com"), true, null, Leads.ToHashSet(), Now).Next!;

        Assert.Equal(["erin@example.com"], CardAudience.Asked(request, Leads));
        Assert.Empty(CardAudience.Asked(request with { Status = RequestStatus.Cancelled }, Leads));
    }

    [Fact]
    public void A_card_stays_well_under_the_teams_message_size_limit()
    {
        var request = Some.Request() with { Reason = new string('x', 5000) };

        Assert.True(Render(request, userIds: Enumerable.Range(1, 60).Select(i => "29:" + new string('u', 80) + i).ToList()).ToJsonString().Length < 25_000);
    }

    private static JsonObject Render(AccessRequest request, IReadOnlyList<string>? asked = null, IReadOnlyList<string>? userIds = null) =>
        ApprovalCard.Render(request, new ApprovalCardContext(asked ?? [], userIds ?? []));

    private static JsonObject DenyForm(JsonObject card) => card["actions"]![1]!["card"]!.AsObject();

    private static string Texts(JsonObject card) => string.Join('\n', Collect(card));

    private static IEnumerable<string> Collect(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key == "text" && p.Value is JsonValue).Select(p => p.Value!.GetValue<string>())
            .Concat(o.Where(p => p.Key != "text" || p.Value is not JsonValue).SelectMany(p => Collect(p.Value))),
        JsonArray a => a.SelectMany(Collect),
        _ => [],
    };
}
