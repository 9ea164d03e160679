using System.Text;

namespace JitBot.Connectors.Tests;

public sealed class GeneratedNamesTests
{
    [Theory]
    [InlineData("alice@example.com", "alice")]
    [InlineData("Alice.Smith@example.com", "alice_smith")]
    [InlineData("o'brien+jit@example.com", "o_brien_jit")]
    [InlineData("zoë-2@example.com", "zo__2")]
    [InlineData("robert\"); DROP ROLE postgres; --@example.com", "robert____drop_role_postgres____")]
    [InlineData("odd@name@example.com", "odd_name")]
    public void A_person_is_named_by_the_local_part_lower_cased_with_other_characters_as_underscores(string email, string expected) =>
        Assert.Equal(expected, UserNames.FromEmail(email));

    [Fact]
    public void A_login_carries_the_user_and_the_request_number()
    {
        Assert.Equal("jit_alice_1042", GeneratedLogins.Name('_', "alice", 1042, 63));
        Assert.Equal("jit-alice-1042", GeneratedLogins.Name('-', "alice", 1042));
    }

    [Fact]
    public void A_long_user_is_cut_so_that_the_login_fits_63_bytes_and_keeps_its_number()
    {
        var login = GeneratedLogins.Name('_', new string('a', 80), 123456789, 63);

        Assert.Equal(63, login.Length);
        Assert.EndsWith("_123456789", login, StringComparison.Ordinal);
        Assert.Equal("JIT-123456789", GeneratedLogins.RequestId('_', login));
    }

    [Fact]
    public void A_cut_never_splits_a_character()
    {
        var login = GeneratedLogins.Name('_', new string('é', 40), 7, 63);

        Assert.True(Encoding.UTF8.GetByteCount(login) <= 63);
        Assert.Equal("jit_" + new string('é', 28) + "_7", login);
    }

    [Theory]
    [InlineData("jit_alice_1042", "JIT-1042")]
    [InlineData("jit_alice_smith_7", "JIT-7")]
    [InlineData("jit_alice", null)]
    [InlineData("jit_alice_", null)]
    [InlineData("jit__12", "JIT-12")]
    [InlineData("alice_12", null)]
    [InlineData("jit-alice-12", null)]
    public void The_request_id_is_read_back_from_a_postgres_login(string login, string? requestId) =>
        Assert.Equal(requestId, GeneratedLogins.RequestId('_', login));

    [Theory]
    [InlineData("jit-alice-1042", "JIT-1042")]
    [InlineData("jit-alice", null)]
    [InlineData("default", null)]
    public void The_request_id_is_read_back_from_a_redis_user(string user, string? requestId) =>
        Assert.Equal(requestId, GeneratedLogins.RequestId('-', user));

    [Fact]
    public void Generated_passwords_are_long_random_and_url_safe()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => GeneratedPasswords.New()).ToList();

        Assert.Equal(50, passwords.Distinct(StringComparer.Ordinal).Count());
        Assert.All(passwords, p => Assert.Matches("^[A-Za-z0-9]{32}$", p));
    }
}
