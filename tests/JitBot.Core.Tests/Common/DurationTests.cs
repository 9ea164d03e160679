using JitBot.Core.Common;

namespace JitBot.Core.Tests.Common;

public sealed class DurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("5S", 5)]
    public void Parses_a_number_and_a_unit(string text, int seconds)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("h")]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("2w")]
    [InlineData("2 h")]
    [InlineData("99999999999d")]
    [InlineData("readonly")]
    public void Refuses_anything_else(string text) => Assert.False(Duration.TryParse(text, out _));

    [Theory]
    [InlineData(7200, "2h")]
    [InlineData(5400, "90m")]
    [InlineData(86400, "1d")]
    [InlineData(45, "45s")]
    public void Formats_with_the_largest_whole_unit(int seconds, string text) =>
        Assert.Equal(text, Duration.Format(TimeSpan.FromSeconds(seconds)));
}
