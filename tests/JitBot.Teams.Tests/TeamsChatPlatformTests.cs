using JitBot.Core.Chat;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Requests;
using JitBot.Testing.Builders;
using JitBot.Teams.State;
using Microsoft.Extensions.DependencyInjection;

namespace JitBot.Teams.Tests;

public sealed class TeamsChatPlatformTests : IAsyncLifetime
{
    private const string ApproverChannel = "19:approvers@thread.tacv2";
    private const string Policy = """
        team: payments
        groups:
          leads: [bob@example.com, erin@example.com]
        resources:
          payments-db:
            connector: payments-db
            requesters: ["*"]
            approvers: [group:leads]
            channels: { teams: "19:approvers@thread.tacv2" }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
        """;

    private TeamsTestHost _host = null!;
    private IChatPlatform _teams = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsTestHost.StartAsync(policy: Policy);
        _teams = Assert.Single(_host.Services.GetServices<IChatPlatform>());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_card_goes_to_the_channel_alone_and_is_updated_in_place()
    {
        var request = Some.Request();

        var card = await _teams.PostApprovalCardAsync(ApproverChannel, request, default);
        await _teams.UpdateApprovalCardAsync(card, request with { Status = RequestStatus.Cancelled }, default);

        Assert.Equal(new CardRef(Platform.Teams, ApproverChannel, card.MessageId), card);
        var posted = Assert.Single(_host.Connector.Calls("send"));
        Assert.Null(posted.Json!["text"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", posted.Json["attachments"]![0]!["contentType"]!.GetValue<string>());
        var update = Assert.Single(_host.Connector.Calls("update"));
        Assert.Equal(card.MessageId, update.ActivityId);
        Assert.Contains("Cancelled by the requester", update.Everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refresh_lists_the_teams_ids_known_for_the_approvers_and_the_requester()
    {
        await KnowAsync(_host.Bob, "bob@example.com");
        await KnowAsync(_host.Alice, "alice@example.com");

        await _teams.PostApprovalCardAsync(ApproverChannel, Some.Request(), default);

        var userIds = _host.Connector.Calls("send")[0].Card!["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>());
        Assert.Equal([_host.Bob.Id, _host.Alice.Id], userIds);
    }

    [Fact]
    public async Task A_direct_message_creates_the_one_to_one_chat_once_and_reuses_it()
    {
        await KnowAsync(_host.Alice, "alice@example.com");
        var alice = new Person("alice@example.com", "Alice", Platform.Teams, _host.Alice.AadObjectId);

        await Task.WhenAll(_teams.SendDirectMessageAsync(alice, "JIT-1 approved", default), _teams.SendDirectMessageAsync(alice, "JIT-1 granted", default));
        await _teams.SendDirectMessageAsync(alice, "JIT-1 revoked", default);

        var create = Assert.Single(_host.Connector.Calls("create"));
        Assert.Equal(_host.Alice.Id, create.Json!["members"]![0]!["id"]!.GetValue<string>());
        var chat = _host.Connector.DirectChatOf(_host.Alice);
        Assert.Equal(3, _host.Connector.Calls("send").Count(c => c.ConversationId == chat));
    }

    [Fact]
    public async Task The_expiry_reminder_comes_with_an_extend_button()
    {
        await KnowAsync(_host.Alice, "alice@example.com");
        var grant = Some.Request() with { Requester = new Person("alice@example.com", "Alice", Platform.Teams, _host.Alice.AadObjectId) };

        await _teams.SendExpiryReminderAsync(grant, "⏰ JIT-1 ends in 5m.", default);

        var card = Assert.Single(_host.Connector.Calls("send")).Card!;
        Assert.Equal("jit.extend", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal("JIT-1", card["actions"]![0]!["data"]!["requestId"]!.GetValue<string>());
        Assert.Contains("JIT-1 ends in 5m.", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_never_wrote_to_the_bot_cannot_be_messaged_and_nothing_is_sent()
    {
        await _teams.SendDirectMessageAsync(new Person("zoe@example.com", "Zoe", Platform.Teams, Guid.NewGuid().ToString()), "hello", default);

        Assert.Empty(_host.Connector.Calls());
    }

    [Fact]
    public async Task A_blocked_bot_does_not_fail_the_notice_forever()
    {
        await KnowAsync(_host.Alice, "alice@example.com");
        _host.Connector.FailNext("send", 403, body: """{"errorCode":209,"message":"MessageWritesBlocked"}""");

        await _teams.SendDirectMessageAsync(new Person("alice@example.com", "Alice", Platform.Teams, _host.Alice.AadObjectId), "hello", default);

        Assert.Single(_host.Connector.Calls("send"));
    }

    [Fact]
    public async Task A_private_reply_is_a_direct_message_because_teams_has_no_ephemeral_messages()
    {
        await KnowAsync(_host.Alice, "alice@example.com");

        await _teams.ReplyPrivatelyAsync(new PrivateReply(Platform.Teams, ApproverChannel, _host.Alice.AadObjectId, "not yours"), default);

        Assert.Equal(_host.Connector.DirectChatOf(_host.Alice), Assert.Single(_host.Connector.Calls("send")).ConversationId);
    }

    [Fact]
    public async Task Audit_lines_go_to_the_audit_conversation_escaped()
    {
        await _teams.PostAuditLineAsync("[JIT-1] request.submitted by <alice@example.com>", default);

        var line = Assert.Single(_host.Connector.Calls("send"));
        Assert.Equal("19:audit@thread.tacv2", line.ConversationId);
        Assert.Equal("[JIT-1] request.submitted by &lt;alice@example.com&gt;", line.Text);
    }

    [Fact]
    public async Task Slack_people_and_cards_are_not_teams_business()
    {
        await _teams.SendDirectMessageAsync(Some.Person("alice@example.com"), "hi", default);
        await _teams.UpdateApprovalCardAsync(new CardRef(Platform.Slack, "C1", "1.2"), Some.Request(), default);

        Assert.Empty(_host.Connector.Calls());
    }

    private async Task KnowAsync(Testing.Teams.FakeTeamsMember member, string email)
    {
        var state = _host.Services.GetRequiredService<TeamsState>();
        await _host.State.SetAsync($"teams:user:{member.AadObjectId}", new TeamsUserRef(member.Id, TeamsClients.TenantId, _host.Connector.ServiceUrl).ToJson(), default);
        await state.RememberEmailAsync(email, member.AadObjectId, default);
    }
}
