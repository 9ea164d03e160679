using JitBot.Slack.Api;
using JitBot.Slack.People;
using JitBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Slack.Tests;

public sealed class SlackUsergroupSourceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeSlackServer _slack = null!;
    private SlackUsergroupSource _source = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(TestClients.Token);
        _slack.AddUser("U0BOB", "Bob@Example.com", "Bob");
        _slack.AddUser("U0ERIN", "erin@example.com", "Erin");
        _slack.AddUser("U0NOMAIL", email: null, "No Mail");
        var api = TestClients.For(_slack, _time);
        _source = new SlackUsergroupSource(api, new SlackDirectory(api, _time, NullLogger<SlackDirectory>.Instance), _time, NullLogger<SlackUsergroupSource>.Instance);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task A_user_groups_members_are_known_by_email()
    {
        _slack.SetUsergroup("S0LEADS", "U0BOB", "U0ERIN");

        var members = await _source.MembersAsync("S0LEADS", default);

        Assert.Equal("slack-usergroup", _source.Kind);
        Assert.Equal(["bob@example.com", "erin@example.com"], members.Order(StringComparer.Ordinal));
        var call = Assert.Single(_slack.Calls("usergroups.users.list"));
        Assert.Equal(("GET", "S0LEADS"), (call.HttpMethod, call.Arg("usergroup")));
    }

    [Fact]
    public async Task Members_without_a_visible_email_or_unknown_to_slack_are_left_out()
    {
        _slack.SetUsergroup("S0LEADS", "U0BOB", "U0NOMAIL", "U0GONE");

        Assert.Equal(["bob@example.com"], await _source.MembersAsync("S0LEADS", default));
    }

    [Fact]
    public async Task The_member_list_is_cached_for_two_minutes()
    {
        _slack.SetUsergroup("S0LEADS", "U0BOB");
        await _source.MembersAsync("S0LEADS", default);

        _slack.SetUsergroup("S0LEADS", "U0BOB", "U0ERIN");
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(["bob@example.com"], await _source.MembersAsync("S0LEADS", default));
        Assert.Single(_slack.Calls("usergroups.users.list"));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await _source.MembersAsync("S0LEADS", default)).Count);
        Assert.Equal(2, _slack.Calls("usergroups.users.list").Count);
    }

    [Fact]
    public async Task An_unknown_group_is_an_error_and_not_an_empty_group()
    {
        var error = await Assert.ThrowsAsync<SlackApiException>(() => _source.MembersAsync("S0NOPE", default));

        Assert.Equal("no_such_subteam", error.Error);
    }
}
