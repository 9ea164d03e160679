using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Testing.Builders;

namespace JitBot.Core.Tests.Requests;

public sealed class RequestValidatorTests
{
    private static readonly JitOptions Options = new() { MaxDuration = TimeSpan.FromHours(3) };

    private static ValidatedRequest Validate(string text, string requester = "alice@example.com") =>
        RequestValidator.Validate(Assert.IsType<ChatCommand.Request>(CommandParser.Parse(text)), requester, Some.Policies(), Options);

    [Fact]
    public void A_good_request_passes_with_its_role_and_duration()
    {
        var result = Validate("request payments-db readonly 2h INC-4312 lag");

        Assert.True(result.IsValid);
        Assert.Equal("readonly", result.Role.Name);
        Assert.Equal(TimeSpan.FromHours(2), result.Duration);
        Assert.Equal("INC-4312 lag", result.Reason);
    }

    [Fact]
    public void The_only_role_is_taken_when_none_is_named() =>
        Assert.Equal("operator", Validate("request payments-cache 10m warming", "anyone@example.com").Role?.Name);

    [Theory]
    [InlineData("request nope readonly 1h x", "no resource 'nope'")]
    [InlineData("request payments-db superuser 1h x", "no role 'superuser'")]
    [InlineData("request payments-db 1h x", "several roles")]
    [InlineData("request payments-db readonly 2x x", "'2x' is not a duration")]
    [InlineData("request payments-db readonly 5h x", "at most 3h")]
    [InlineData("request payments-db admin 2h x", "at most 1h")]
    [InlineData("request payments-db readonly 1h", "reason")]
    public void Wrong_requests_say_what_is_wrong_and_show_the_usage(string text, string problem)
    {
        var result = Validate(text);

        Assert.False(result.IsValid);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
        Assert.Contains(Usage.Request, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_the_policy_does_not_list_may_not_request()
    {
        var result = Validate("request payments-db readonly 1h x", "mallory@example.com");

        Assert.Contains("not allowed", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_user_may_request() =>
        Assert.True(Validate("request payments-db readonly 1h x", "zoe@example.com").IsValid);
}
