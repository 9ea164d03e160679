using System.Text.Json.Nodes;
using JitBot.Core.Requests;
using JitBot.Slack.Cards;

namespace JitBot.Slack.Tests;

public sealed class ApprovalCardTests
{
    [Fact]
    public void A_pending_card_has_an_approve_and_a_deny_button_carrying_the_request_id()
    {
        var card = ApprovalCard.Render(TestRequests.Pending());

        var buttons = Buttons(card.Blocks!);
        Assert.Equal(2, buttons.Count);
        Assert.Equal(("jit.approve", "primary", "JIT-1042"), (Str(buttons[0]["action_id"]), Str(buttons[0]["style"]), Str(buttons[0]["value"])));
        Assert.Equal(("jit.deny", "danger", "JIT-1042"), (Str(buttons[1]["action_id"]), Str(buttons[1]["style"]), Str(buttons[1]["value"])));
    }

    [Fact]
    public void A_pending_card_shows_requester_resource_role_duration_approvals_and_reason()
    {
        var text = AllText(ApprovalCard.Render(TestRequests.Pending(approvalsNeeded: 2)).Blocks!);

        Assert.Contains("<@U0ALICE>", text, StringComparison.Ordinal);
        Assert.Contains("payments-db", text, StringComparison.Ordinal);
        Assert.Contains("readonly", text, StringComparison.Ordinal);
        Assert.Contains("2h", text, StringComparison.Ordinal);
        Assert.Contains("0 of 2", text, StringComparison.Ordinal);
        Assert.Contains("INC-4312 replication lag", text, StringComparison.Ordinal);
        Assert.Contains("JIT-1042", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_has_a_text_fallback_naming_the_request()
    {
        var card = ApprovalCard.Render(TestRequests.Pending());

        Assert.Equal("JIT request JIT-1042 from <@U0ALICE>: payments-db readonly for 2h, pending (0 of 1 approvals)", card.Text);
    }

    [Fact]
    public void The_reason_is_escaped_so_it_cannot_mention_or_link()
    {
        var card = ApprovalCard.Render(TestRequests.Pending(reason: "db & cache <!here> <https://evil|click>"));

        var text = AllText(card.Blocks!);
        Assert.Contains("db &amp; cache &lt;!here&gt; &lt;https://evil|click&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requester_from_teams_is_shown_by_email_not_as_a_slack_mention()
    {
        var card = ApprovalCard.Render(TestRequests.Pending(requester: TestRequests.Erin));

        Assert.Contains("erin@example.com", AllText(card.Blocks!), StringComparison.Ordinal);
        Assert.DoesNotContain("<@", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_counted_vote_updates_the_count_and_lists_the_voter_and_keeps_the_buttons()
    {
        var request = TestRequests.Pending(approvalsNeeded: 2).Vote(TestRequests.Bob, approve: true);

        var card = ApprovalCard.Render(request);

        var text = AllText(card.Blocks!);
        Assert.Contains("1 of 2", text, StringComparison.Ordinal);
        Assert.Contains("Bob Boss (bob@example.com)", text, StringComparison.Ordinal);
        Assert.Equal(2, Buttons(card.Blocks!).Count);
    }

    [Fact]
    public void Every_version_of_the_card_uses_fresh_block_ids()
    {
        var first = BlockIds(ApprovalCard.Render(TestRequests.Pending(approvalsNeeded: 2)));
        var second = BlockIds(ApprovalCard.Render(TestRequests.Pending(approvalsNeeded: 2).Vote(TestRequests.Bob, approve: true)));

        Assert.Empty(first.Intersect(second));
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    [Theory]
    [InlineData(RequestStatus.Approved, "*Approved* by Bob Boss (bob@example.com)")]
    [InlineData(RequestStatus.Active, "access is *active*")]
    [InlineData(RequestStatus.Revoked, "*Revoked* early by alice@example.com")]
    [InlineData(RequestStatus.Denied, "*Denied* by Bob Boss (bob@example.com): use the replica &lt;please&gt;")]
    [InlineData(RequestStatus.Cancelled, "*Cancelled*")]
    [InlineData(RequestStatus.TimedOut, "*Timed out*")]
    [InlineData(RequestStatus.Failed, "the grant *failed*: connector payments-db unreachable")]
    public void A_decided_card_has_no_buttons_and_shows_the_outcome_and_deciders(RequestStatus status, string outcome)
    {
        var request = TestRequests.InState(status);

        var card = ApprovalCard.Render(request);

        Assert.Equal(status, request.Status);
        Assert.Empty(Buttons(card.Blocks!));
        Assert.DoesNotContain(card.Blocks!, b => Str(b!["type"]) == "actions");
        Assert.Contains(outcome, AllText(card.Blocks!), StringComparison.Ordinal);
        Assert.Contains(AccessRequest.Describe(status), card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approved_card_says_until_when()
    {
        var text = AllText(ApprovalCard.Render(TestRequests.InState(RequestStatus.Approved)).Blocks!);

        Assert.Contains("until <!date^", text, StringComparison.Ordinal);
        Assert.Contains("2026-12-03 12:05 UTC>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_reason_is_cut_to_slacks_section_limit()
    {
        var card = ApprovalCard.Render(TestRequests.Pending(reason: new string('x', 5000)));

        Assert.All(card.Blocks!, block => Assert.True((Str(block!["text"]?["text"]) ?? "").Length <= 3000));
    }

    private static List<JsonObject> Buttons(JsonArray blocks) =>
        blocks.Where(b => Str(b!["type"]) == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!.AsObject())
            .Where(e => Str(e["type"]) == "button")
            .ToList();

    private static List<string> BlockIds(Api.SlackMessage card) =>
        card.Blocks!.Select(b => Str(b!["block_id"])).OfType<string>().ToList();

    private static string AllText(JsonArray blocks) => blocks.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }).Replace("\\n", "\n", StringComparison.Ordinal);

    private static string? Str(JsonNode? node) => node?.GetValue<string>();
}
