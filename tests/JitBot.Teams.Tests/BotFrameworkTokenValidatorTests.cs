using JitBot.Teams.Security;
using JitBot.Testing.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace JitBot.Teams.Tests;

public sealed class BotFrameworkTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeBotIdentityServer _identity = null!;
    private BotFrameworkTokenValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeBotIdentityServer.StartAsync(AppId, "secret", "tenant");
        _validator = Validator(_identity.MetadataUrl);
    }

    public async Task DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task A_token_from_the_bot_framework_for_this_bot_is_accepted_with_its_service_url()
    {
        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl), default);

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(ServiceUrl, check.ServiceUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer  ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer a b")]
    public async Task A_missing_or_malformed_header_is_refused(string? header)
    {
        var check = await _validator.ValidateAsync(header, default);

        Assert.False(check.IsValid);
        Assert.Equal(0, _identity.MetadataFetches);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_a_published_key_id_is_refused()
    {
        var forged = TestSigningKey.Create(_identity.SigningKey.Kid);

        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl, key: forged), default);

        Assert.Equal("bad signature", check.Failure);
    }

    [Fact]
    public async Task Another_issuer_is_refused_before_any_key_is_fetched()
    {
        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl, issuer: "https://login.microsoftonline.com/tenant/v2.0"), default);

        Assert.Equal("issuer not accepted", check.Failure);
        Assert.Equal(0, _identity.MetadataFetches);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl, audience: "api://" + AppId), default);

        Assert.Equal("audience not accepted", check.Failure);
    }

    [Theory]
    [InlineData(-4, true)]
    [InlineData(-6, false)]
    public async Task Expiry_is_checked_with_five_minutes_of_skew(int expiredMinutesAgo, bool accepted)
    {
        var token = _identity.CreateToken(ServiceUrl, expires: _time.GetUtcNow().AddMinutes(expiredMinutesAgo));

        var check = await _validator.ValidateAsync("Bearer " + token, default);

        Assert.Equal(accepted, check.IsValid);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task Not_before_is_checked_with_five_minutes_of_skew(int minutesAhead, bool accepted)
    {
        var notBefore = _time.GetUtcNow().AddMinutes(minutesAhead);
        var token = _identity.CreateToken(ServiceUrl, notBefore: notBefore, expires: notBefore.AddHours(1));

        var check = await _validator.ValidateAsync("Bearer " + token, default);

        Assert.Equal(accepted, check.IsValid);
    }

    [Fact]
    public async Task Lifetime_follows_the_time_provider()
    {
        var token = _identity.CreateToken(ServiceUrl, expires: _time.GetUtcNow().AddMinutes(30));
        _time.Advance(TimeSpan.FromMinutes(36));

        var check = await _validator.ValidateAsync("Bearer " + token, default);

        Assert.Equal("token expired or not yet valid", check.Failure);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_msteams_is_refused()
    {
        var skype = _identity.NewKey("skype-key", publish: true, "skype", "webchat");

        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl, key: skype), default);

        Assert.Equal("signing key not endorsed for msteams", check.Failure);
    }

    [Fact]
    public async Task A_key_without_endorsements_is_refused()
    {
        var bare = TestSigningKey.WithoutEndorsements("bare-key");
        _identity.Publish(bare);

        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl, key: bare), default);

        Assert.Equal("signing key not endorsed for msteams", check.Failure);
    }

    [Fact]
    public async Task A_token_signed_with_another_algorithm_is_refused()
    {
        var token = _identity.CreateToken(ServiceUrl, algorithm: SecurityAlgorithms.RsaSha512);

        var check = await _validator.ValidateAsync("Bearer " + token, default);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task A_token_without_a_service_url_claim_is_refused()
    {
        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(""), default);

        Assert.Equal("missing serviceurl claim", check.Failure);
    }

    [Fact]
    public async Task A_key_published_after_the_keys_were_cached_is_found_by_a_refresh()
    {
        Assert.True((await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl), default)).IsValid);
        var rotated = _identity.NewKey("rotated", publish: true);

        var check = await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl, key: rotated), default);

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(2, _identity.KeySetFetches);
    }

    [Fact]
    public async Task Unknown_key_ids_refresh_the_keys_at_most_once_a_minute()
    {
        Assert.True((await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl), default)).IsValid);
        var stranger = _identity.NewKey("stranger", publish: false);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("unknown signing key", (await _validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl, key: stranger), default)).Failure);
        }

        Assert.True(_identity.KeySetFetches <= 2, $"{_identity.KeySetFetches} key set fetches");
    }

    [Fact]
    public async Task Keys_that_cannot_be_fetched_refuse_every_token()
    {
        var validator = Validator("http://127.0.0.1:1/v1/.well-known/openidconfiguration");

        var check = await validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl), default);

        Assert.Equal("signing keys unavailable", check.Failure);
    }

    [Fact]
    public async Task Metadata_over_plain_http_off_loopback_is_never_fetched()
    {
        var validator = Validator("http://login.example.com/v1/.well-known/openidconfiguration");

        var check = await validator.ValidateAsync("Bearer " + _identity.CreateToken(ServiceUrl), default);

        Assert.Equal("signing keys unavailable", check.Failure);
    }

    private BotFrameworkTokenValidator Validator(string metadataUrl)
    {
        var options = Options.Create(new TeamsOptions { AppId = AppId, AppPassword = "secret", OpenIdMetadataUrl = metadataUrl });
        var keys = new BotFrameworkKeySource(options, new TestHttp(), TimeProvider.System, NullLogger<BotFrameworkKeySource>.Instance);
        return new BotFrameworkTokenValidator(keys, options, _time, NullLogger<BotFrameworkTokenValidator>.Instance);
    }
}
