using JitBot.Core.Commands;

namespace JitBot.Core.Tests.Commands;

public sealed class CommandParserTests
{
    [Fact]
    public void A_request_with_role_duration_and_reason()
    {
        var command = Assert.IsType<ChatCommand.Request>(CommandParser.Parse("request payments-db readonly 2h INC-4312 checking lag"));
        Assert.Equal(new ChatCommand.Request("payments-db", "readonly", "2h", "INC-4312 checking lag"), command);
    }

    [Fact]
    public void The_role_may_be_left_out()
    {
        var command = Assert.IsType<ChatCommand.Request>(CommandParser.Parse("request cache-prod 30m warming the cache"));
        Assert.Null(command.Role);
        Assert.Equal("30m", command.DurationText);
        Assert.Equal("warming the cache", command.Reason);
    }

    [Fact]
    public void A_request_without_a_reason_parses_with_an_empty_reason_for_the_validator_to_refuse()
    {
        var command = Assert.IsType<ChatCommand.Request>(CommandParser.Parse("request payments-db readonly 2h"));
        Assert.Equal("", command.Reason);
    }

    [Fact]
    public void A_request_without_a_duration_is_invalid_and_shows_the_usage()
    {
        var command = Assert.IsType<ChatCommand.Invalid>(CommandParser.Parse("request payments-db"));
        Assert.Contains("duration", command.Problem, StringComparison.Ordinal);
        Assert.Equal(Usage.Request, command.Usage);
    }

    [Fact]
    public void Request_with_no_arguments_opens_the_form() =>
        Assert.IsType<ChatCommand.OpenForm>(CommandParser.Parse("request"));

    [Theory]
    [InlineData("approve JIT-12", "JIT-12")]
    [InlineData("approve jit-12", "JIT-12")]
    [InlineData("approve 12", "JIT-12")]
    public void Ids_are_normalised(string text, string id) =>
        Assert.Equal(id, Assert.IsType<ChatCommand.Approve>(CommandParser.Parse(text)).RequestId);

    [Fact]
    public void Deny_takes_an_optional_reason()
    {
        Assert.Equal(new ChatCommand.Deny("JIT-3", "not during the freeze"), CommandParser.Parse("deny JIT-3 not during the freeze"));
        Assert.Equal(new ChatCommand.Deny("JIT-3", null), CommandParser.Parse("deny JIT-3"));
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("cancel JIT-x")]
    [InlineData("revoke JIT-1 now")]
    [InlineData("frobnicate")]
    public void Wrong_forms_are_invalid(string text) => Assert.IsType<ChatCommand.Invalid>(CommandParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    public void Nothing_or_help_is_help(string text) => Assert.IsType<ChatCommand.Help>(CommandParser.Parse(text));

    [Theory]
    [InlineData("list", typeof(ChatCommand.List))]
    [InlineData("LIST", typeof(ChatCommand.List))]
    [InlineData("pending", typeof(ChatCommand.Pending))]
    [InlineData("resources", typeof(ChatCommand.Resources))]
    public void Simple_commands(string text, Type type) => Assert.IsType(type, CommandParser.Parse(text));
}
