using System.Net;
using System.Text.Json.Nodes;
using JitBot.Core.Commands;
using JitBot.Core.Requests;
using JitBot.Slack.Cards;
using NSubstitute;

namespace JitBot.Slack.Tests;

public sealed class ExtendButtonTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SlackTestHost.StartAsync();
        _host.Slack.AddUser("U0ALICE", "alice@example.com", "Alice Adams");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_click_runs_extend_as_the_clicker_and_shows_the_answer_privately_in_the_dm()
    {
        _host.Router.HandleAsync(default!, default!, default).ReturnsForAnyArgs(new CommandReply("JIT-43 filed: extend JIT-42 by 2h."));
        var (channel, ts) = await PostReminderAsync();

        using var response = await ClickAsync(channel, ts);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await _host.Router.Received(1).HandleAsync(
            Arg.Is<ChatContext>(c => c.Person.Email == "alice@example.com" && c.Channel == channel), "extend JIT-42", Arg.Any<CancellationToken>());
        var ephemeral = Assert.Single(_host.Slack.Calls("chat.postEphemeral"));
        Assert.Equal((channel, "U0ALICE", "JIT-43 filed: extend JIT-42 by 2h."), (ephemeral.Arg("channel"), ephemeral.Arg("user"), ephemeral.Arg("text")));
    }

    [Fact]
    public async Task Once_an_extension_is_filed_the_reminder_loses_its_button_and_names_the_extension()
    {
        _host.Router.HandleAsync(default!, default!, default).ReturnsForAnyArgs(new CommandReply("JIT-43 filed: extend JIT-42 by 2h."));
        var (channel, ts) = await PostReminderAsync();

        using (await ClickAsync(channel, ts))
        {
        }

        var reminder = _host.Slack.Message(channel, ts)!;
        Assert.DoesNotContain("jit.extend", reminder["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("JIT-43", reminder["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("JIT-42 ends soon", reminder["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_extension_is_explained_and_the_button_stays()
    {
        _host.Router.HandleAsync(default!, default!, default).ReturnsForAnyArgs(new CommandReply("JIT-42 is Revoked; only an active grant can be extended."));
        var (channel, ts) = await PostReminderAsync();

        using (await ClickAsync(channel, ts))
        {
        }

        Assert.Contains("only an active grant", Assert.Single(_host.Slack.Calls("chat.postEphemeral")).Arg("text"), StringComparison.Ordinal);
        Assert.Empty(_host.Slack.Calls("chat.update"));
        Assert.Contains("jit.extend", _host.Slack.Message(channel, ts)!["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_without_a_request_id_runs_nothing()
    {
        var (channel, ts) = await PostReminderAsync();

        using (await _host.SendAsync(_host.Signer.ButtonClick(_host.Url("/slack/interactions"), "U0ALICE", channel, "jit.extend", "JIT-42 5d", ts, "x")))
        {
        }

        await _host.Router.DidNotReceiveWithAnyArgs().HandleAsync(default!, default!, default);
    }

    private async Task<(string Channel, string Ts)> PostReminderAsync()
    {
        var grant = TestRequests.InState(RequestStatus.Active) with { Id = "JIT-42" };
        var message = ExpiryReminderCard.Render(grant, "JIT-42 ends soon: your payments-db readonly access expires in 5 minutes.");
        var posted = await TestClients.For(_host.Slack, TimeProvider.System).PostMessageAsync("U0ALICE", message, default);
        return (posted.Channel, posted.Ts);
    }

    private Task<HttpResponseMessage> ClickAsync(string channel, string ts) =>
        _host.SendAsync(_host.Signer.ButtonClick(
            _host.Url("/slack/interactions"), "U0ALICE", channel, "jit.extend", "JIT-42", ts, _host.Slack.Message(channel, ts)!["text"]!.GetValue<string>()));
}
