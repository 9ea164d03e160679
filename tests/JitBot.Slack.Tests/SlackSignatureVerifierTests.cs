using System.Text;
using JitBot.Slack.Security;
using JitBot.Testing.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Slack.Tests;

public sealed class SlackSignatureVerifierTests
{
    // Slack's documented example ("Verifying requests from Slack"), written out here.
    private const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string VectorTimestamp = "1531420618";
    private const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string VectorBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(VectorBody);
    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void The_documented_vector_body_is_362_bytes() => Assert.Equal(362, Body.Length);

    [Fact]
    public void The_documented_vector_signs_to_the_documented_signature() =>
        Assert.Equal(VectorSignature, SlackSignature.Compute(VectorSecret, VectorTimestamp, Body));

    [Fact]
    public void The_test_signer_agrees_with_the_documented_vector() =>
        Assert.Equal(VectorSignature, new SlackRequestSigner(VectorSecret).Sign(VectorTimestamp, Body));

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(-300)]
    public void The_documented_vector_verifies_within_five_minutes(int skewSeconds) =>
        Assert.True(Verifier(VectorTime.AddSeconds(skewSeconds)).Verify(VectorTimestamp, VectorSignature, Body).IsValid);

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(360)]
    [InlineData(-86400)]
    public void A_timestamp_more_than_five_minutes_away_is_rejected_either_way(int skewSeconds)
    {
        var check = Verifier(VectorTime.AddSeconds(skewSeconds)).Verify(VectorTimestamp, VectorSignature, Body);

        Assert.False(check.IsValid);
        Assert.Contains("window", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replay_of_a_valid_request_after_the_window_is_rejected()
    {
        var time = new FakeTimeProvider(VectorTime);
        var verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = VectorSecret }), time);
        Assert.True(verifier.Verify(VectorTimestamp, VectorSignature, Body).IsValid);

        time.Advance(TimeSpan.FromMinutes(6));

        Assert.False(verifier.Verify(VectorTimestamp, VectorSignature, Body).IsValid);
    }

    [Fact]
    public void A_forged_signature_is_rejected()
    {
        var forged = new SlackRequestSigner("not-the-secret").Sign(VectorTimestamp, Body);

        Assert.Equal("signature mismatch", Verifier(VectorTime).Verify(VectorTimestamp, forged, Body).Failure);
    }

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var tampered = Encoding.UTF8.GetBytes(VectorBody.Replace("text=", "text=approve", StringComparison.Ordinal));

        Assert.False(Verifier(VectorTime).Verify(VectorTimestamp, VectorSignature, tampered).IsValid);
    }

    [Fact]
    public void A_signature_whose_timestamp_was_changed_is_rejected() =>
        Assert.False(Verifier(VectorTime).Verify("1531420619", VectorSignature, Body).IsValid);

    [Theory]
    [InlineData("V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=")]
    public void A_signature_not_exactly_in_slack_form_is_rejected(string signature) =>
        Assert.False(Verifier(VectorTime).Verify(VectorTimestamp, signature, Body).IsValid);

    [Theory]
    [InlineData(null, VectorSignature)]
    [InlineData(VectorTimestamp, null)]
    [InlineData("", VectorSignature)]
    [InlineData(VectorTimestamp, "")]
    public void Missing_headers_are_rejected(string? timestamp, string? signature) =>
        Assert.Equal("missing signature headers", Verifier(VectorTime).Verify(timestamp, signature, Body).Failure);

    [Theory]
    [InlineData("abc")]
    [InlineData("1531420618.5")]
    [InlineData(" 1531420618")]
    [InlineData("+1531420618")]
    [InlineData("-1531420618")]
    [InlineData("99999999999999999999999")]
    public void A_non_numeric_timestamp_is_rejected(string timestamp) =>
        Assert.Equal("invalid timestamp", Verifier(VectorTime).Verify(timestamp, VectorSignature, Body).Failure);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void A_missing_secret_fails_closed(string? secret)
    {
        var verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = secret! }), new FakeTimeProvider(VectorTime));

        Assert.False(verifier.Verify(VectorTimestamp, VectorSignature, Body).IsValid);
    }

    private static SlackSignatureVerifier Verifier(DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = VectorSecret }), new FakeTimeProvider(now));
}
