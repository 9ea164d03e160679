using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Slack.Chat;
using JitBot.Slack.Configuration;
using JitBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JitBot.Slack.Tests;

public sealed class SlackChatPlatformTests : IAsyncLifetime
{
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackServer.StartAsync(TestClients.Token);

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task The_approval_card_is_posted_and_its_place_returned()
    {
        var card = await Platform().PostApprovalCardAsync("C0PAYAPPROVE", TestRequests.Pending(), default);

        Assert.Equal(JitBot.Core.Common.Platform.Slack, card.Platform);
        Assert.Equal("C0PAYAPPROVE", card.Channel);
        var message = _slack.Message(card.Channel, card.MessageId)!;
        Assert.StartsWith("JIT request JIT-1042", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("jit.approve", message["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updating_a_decided_card_replaces_its_blocks_and_removes_the_buttons()
    {
        var platform = Platform();
        var card = await platform.PostApprovalCardAsync("C0PAYAPPROVE", TestRequests.Pending(), default);

        await platform.UpdateApprovalCardAsync(card, TestRequests.InState(RequestStatus.Denied), default);

        var update = Assert.Single(_slack.Calls("chat.update"));
        Assert.Equal((card.Channel, card.MessageId), (update.Arg("channel"), update.Arg("ts")));
        var blocks = _slack.Message(card.Channel, card.MessageId)!["blocks"]!.ToJsonString();
        Assert.DoesNotContain("jit.approve", blocks, StringComparison.Ordinal);
        Assert.Contains("Denied", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_card_version_passes_slacks_block_checks()
    {
        var platform = Platform();
        var card = await platform.PostApprovalCardAsync("C1", TestRequests.Pending(reason: new string('<', 4000)), default);

        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            await platform.UpdateApprovalCardAsync(card, TestRequests.InState(status), default);
        }

        Assert.All(_slack.Calls(), call => Assert.Equal(200, call.StatusCode));
    }

    [Fact]
    public async Task A_direct_message_goes_to_the_slack_user_id_escaped()
    {
        await Platform().SendDirectMessageAsync(TestRequests.Alice, "JIT-1042 granted: postgresql://u:p&<x>@db/app", default);

        var call = Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Equal("U0ALICE", call.Arg("channel"));
        Assert.Equal("JIT-1042 granted: postgresql://u:p&amp;&lt;x&gt;@db/app", call.Arg("text"));
    }

    [Fact]
    public async Task The_expiry_reminder_is_a_dm_with_an_extend_button_carrying_the_grant_id()
    {
        var grant = TestRequests.InState(RequestStatus.Active);

        await Platform().SendExpiryReminderAsync(grant, "JIT-1042 ends in 5 minutes <soon>", default);

        var call = Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Equal(("U0ALICE", "JIT-1042 ends in 5 minutes &lt;soon&gt;"), (call.Arg("channel"), call.Arg("text")));
        var button = call.Blocks!.Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!;
        Assert.Equal(("jit.extend", "JIT-1042"), (button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>()));
        Assert.Equal(200, call.StatusCode);
    }

    [Fact]
    public async Task An_expiry_reminder_for_a_teams_requester_is_ignored()
    {
        await Platform().SendExpiryReminderAsync(TestRequests.Pending(requester: TestRequests.Erin), "ends soon", default);

        Assert.Empty(_slack.Calls());
    }

    [Fact]
    public async Task A_direct_message_to_a_teams_person_is_ignored()
    {
        await Platform().SendDirectMessageAsync(TestRequests.Erin, "hello", default);

        Assert.Empty(_slack.Calls());
    }

    [Fact]
    public async Task A_private_reply_is_an_ephemeral_message()
    {
        await Platform().ReplyPrivatelyAsync(new PrivateReply(JitBot.Core.Common.Platform.Slack, "C0PAY", "U0BOB", "You can't approve JIT-1"), default);

        var call = Assert.Single(_slack.Calls("chat.postEphemeral"));
        Assert.Equal(("C0PAY", "U0BOB", "You can't approve JIT-1"), (call.Arg("channel"), call.Arg("user"), call.Arg("text")));
    }

    [Fact]
    public async Task A_private_reply_where_the_bot_cannot_post_becomes_a_direct_message()
    {
        _slack.FailNext("chat.postEphemeral", "channel_not_found");

        await Platform().ReplyPrivatelyAsync(new PrivateReply(JitBot.Core.Common.Platform.Slack, "D0SOMEONE", "U0BOB", "Refused"), default);

        Assert.Equal("U0BOB", Assert.Single(_slack.Calls("chat.postMessage")).Arg("channel"));
    }

    [Fact]
    public async Task An_audit_line_goes_to_the_audit_channel()
    {
        await Platform(auditChannel: "C0AUDIT").PostAuditLineAsync("request.approved JIT-1042 by bob@example.com", default);

        var call = Assert.Single(_slack.Calls("chat.postMessage"));
        Assert.Equal(("C0AUDIT", "request.approved JIT-1042 by bob@example.com"), (call.Arg("channel"), call.Arg("text")));
    }

    [Fact]
    public async Task Without_an_audit_channel_audit_lines_are_not_posted()
    {
        await Platform(auditChannel: "").PostAuditLineAsync("request.approved JIT-1042", default);

        Assert.Empty(_slack.Calls());
    }

    [Fact]
    public void It_speaks_for_slack() => Assert.Equal(JitBot.Core.Common.Platform.Slack, Platform().Platform);

    private SlackChatPlatform Platform(string auditChannel = "") =>
        new(TestClients.For(_slack, TimeProvider.System), Options.Create(new SlackAuditOptions { SlackChannel = auditChannel }), NullLogger<SlackChatPlatform>.Instance);
}
