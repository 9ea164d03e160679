using Microsoft.Extensions.Time.Testing;

namespace JitBot.Connectors.Tests;

public sealed class IssuedSecretsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_password_issued_for_a_login_is_found_again_until_the_grant_expires()
    {
        var secrets = new IssuedSecrets(clock);

        var password = secrets.Issue("jit_alice_7", clock.GetUtcNow().AddHours(1));

        Assert.Equal(password, secrets.Find("jit_alice_7"));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(secrets.Find("jit_alice_7"));
    }

    [Fact]
    public void A_login_this_instance_did_not_make_or_has_dropped_has_no_password_here()
    {
        var secrets = new IssuedSecrets(clock);
        secrets.Issue("jit_alice_7", clock.GetUtcNow().AddHours(1));

        secrets.Forget("jit_alice_7");

        Assert.Null(secrets.Find("jit_alice_7"));
        Assert.Null(secrets.Find("jit_bob_8"));
    }
}
