using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Slack.Api;
using JitBot.Slack.People;
using JitBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Slack.Tests;

public sealed class SlackDirectoryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeSlackServer _slack = null!;
    private SlackDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(TestClients.Token);
        _directory = new SlackDirectory(TestClients.For(_slack, _time), _time, NullLogger<SlackDirectory>.Instance);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task A_slack_user_becomes_a_person_known_by_email()
    {
        _slack.AddUser("U0ALICE", "Alice.Adams@Example.com", "Alice Adams");

        var lookup = await _directory.FindPersonAsync("U0ALICE", default);

        Assert.Equal(new Person("alice.adams@example.com", "Alice Adams", Platform.Slack, "U0ALICE"), lookup.Person);
        Assert.Null(lookup.Problem);
    }

    [Fact]
    public async Task A_person_is_looked_up_once_an_hour()
    {
        _slack.AddUser("U0ALICE", "alice@example.com", "Alice");

        await _directory.FindPersonAsync("U0ALICE", default);
        _time.Advance(TimeSpan.FromMinutes(59));
        await _directory.FindPersonAsync("U0ALICE", default);
        Assert.Single(_slack.Calls("users.info"));

        _time.Advance(TimeSpan.FromMinutes(2));
        await _directory.FindPersonAsync("U0ALICE", default);
        Assert.Equal(2, _slack.Calls("users.info").Count);
    }

    [Fact]
    public async Task A_user_without_a_visible_email_gets_a_clear_explanation()
    {
        _slack.AddUser("U0NOMAIL", email: null, "No Mail");

        var lookup = await _directory.FindPersonAsync("U0NOMAIL", default);

        Assert.Null(lookup.Person);
        Assert.StartsWith("I can't see your email", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_from_slack_is_a_problem_naming_the_error()
    {
        var lookup = await _directory.FindPersonAsync("U0UNKNOWN", default);

        Assert.Null(lookup.Person);
        Assert.Contains("user_not_found", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outage_is_an_error_and_never_a_not_found()
    {
        _slack.AddUser("U0ALICE", "alice@example.com", "Alice");
        _slack.ServerErrorNext("users.info", times: 10);

        await Assert.ThrowsAsync<SlackApiException>(() => _time.AdvanceUntilDoneAsync(_directory.FindPersonAsync("U0ALICE", default), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_lookup_that_outlasts_its_budget_asks_the_person_to_try_again()
    {
        _slack.AddUser("U0ALICE", "alice@example.com", "Alice");
        _slack.RateLimitNext("users.info", times: 3, retryAfterSeconds: 5);

        var lookup = _directory.FindPersonAsync("U0ALICE", TimeSpan.FromSeconds(2), default);
        var took = await _time.AdvanceUntilDoneAsync(lookup);

        Assert.Equal(SlackDirectory.SlowProblem, (await lookup).Problem);
        Assert.True(took < TimeSpan.FromSeconds(5), $"gave up after {took}");
    }
}
