using JitBot.Connectors.Postgres;

namespace JitBot.Connectors.Tests;

public sealed class PostgresSqlTests
{
    [Theory]
    [InlineData("readonly", "\"readonly\"")]
    [InlineData("Read-Only", "\"Read-Only\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("x\"; DROP ROLE postgres; --", "\"x\"\"; DROP ROLE postgres; --\"")]
    public void Identifiers_are_always_double_quoted_with_quotes_doubled(string name, string quoted) =>
        Assert.Equal(quoted, PostgresSql.Identifier(name));

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    public void An_empty_name_or_one_with_a_NUL_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => PostgresSql.Identifier(name));

    [Fact]
    public void A_name_longer_than_63_bytes_is_refused_rather_than_silently_cut_by_the_server()
    {
        Assert.Equal("\"" + new string('a', 63) + "\"", PostgresSql.Identifier(new string('a', 63)));
        Assert.Throws<ArgumentException>(() => PostgresSql.Identifier(new string('a', 64)));
        Assert.Throws<ArgumentException>(() => PostgresSql.Identifier(new string('é', 32)));
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("SCRAM-SHA-256$4096:abc$def:ghi'; DROP ROLE postgres; --")]
    [InlineData("md5deadbeef")]
    public void Only_a_scram_verifier_can_become_a_password_literal(string text) =>
        Assert.Throws<ArgumentException>(() => PostgresSql.VerifierLiteral(text));

    [Fact]
    public void A_timestamp_literal_is_utc_iso_8601()
    {
        var at = new DateTimeOffset(2026, 12, 3, 13, 0, 0, 250, TimeSpan.FromHours(1));

        Assert.Equal("'2026-12-03T12:00:00.250Z'", PostgresSql.TimestampLiteral(at));
    }
}
