using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JitBot.Core.Grants;
using JitBot.Testing.Webhook;

namespace JitBot.Connectors.Tests;

/// <summary>What a webhook call looks like on the wire (contract section 6).</summary>
public sealed class WebhookConnectorTests : IAsyncLifetime
{
    private WebhookTestBed bed = null!;

    private FakeWebhookReceiver Receiver => bed.Receiver;

    public async Task InitializeAsync() => bed = await WebhookTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    [Fact]
    public async Task Grant_posts_the_body_of_the_contract()
    {
        var result = await bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);

        var call = Assert.Single(Receiver.Calls);
        Assert.Same(GrantResult.Done, result);
        Assert.Equal(
            """{"event":"grant","requestId":"JIT-1042","resource":"payments-db","role":"readonly","user":{"email":"alice@example.com","slackUserId":"U0ALICE","teamsUserId":null},"reason":"INC-4312 replication lag","approvers":["bob@example.com"],"grantedAt":"2026-12-03T10:00:00Z","expiresAt":"2026-12-03T12:00:00Z"}""",
            call.RawBody);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
    }

    [Fact]
    public async Task Grant_sends_timestamp_signature_and_idempotency_key_headers()
    {
        await bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);

        var call = Assert.Single(Receiver.Calls);
        var timestamp = bed.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(timestamp, call.Timestamp);
        Assert.Equal("JIT-1042:grant", call.IdempotencyKey);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(TestConnectors.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{call.RawBody}")));
        Assert.Equal($"v1={expected}", call.Signature);
        Assert.True(call.SignatureValid);
        Assert.True(call.TimestampFresh);
    }

    [Fact]
    public async Task Revoke_posts_the_same_body_with_event_revoke_and_its_own_idempotency_key()
    {
        await bed.Connector.RevokeAsync(TestConnectors.Grant(teamsUserId: "aad-0042"), CancellationToken.None);

        var call = Assert.Single(Receiver.Revokes);
        Assert.Equal("revoke", call.Body.GetProperty("event").GetString());
        Assert.Equal("JIT-1042:revoke", call.IdempotencyKey);
        Assert.Equal("aad-0042", call.Body.GetProperty("user").GetProperty("teamsUserId").GetString());
        Assert.Equal(
            ["event", "requestId", "resource", "role", "user", "reason", "approvers", "grantedAt", "expiresAt"],
            call.Body.EnumerateObject().Select(property => property.Name));
        Assert.True(call.IsAuthentic);
    }

    [Fact]
    public async Task Timestamps_are_utc_with_a_trailing_z_whatever_the_offset_given()
    {
        var grant = TestConnectors.Grant() with { GrantedAt = new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.FromHours(1)) };

        await bed.Connector.GrantAsync(grant, CancellationToken.None);

        Assert.Equal("2026-12-03T10:00:00Z", Assert.Single(Receiver.Calls).Body.GetProperty("grantedAt").GetString());
    }

    [Fact]
    public async Task The_signature_is_made_at_the_time_of_the_call()
    {
        await bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromSeconds(90));
        await bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);

        var stamps = Receiver.Calls.Select(call => long.Parse(call.Timestamp!, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(90, stamps[1] - stamps[0]);
        Assert.All(Receiver.Calls, call => Assert.True(call.IsAuthentic));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task Any_2xx_confirms(int status)
    {
        Receiver.AnswerAlways(status);

        await bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);

        Assert.Equal(status, Assert.Single(Receiver.Calls).Status);
    }
}
