using System.Text;
using JitBot.Core.Grants;
using JitBot.Testing.Webhook;

namespace JitBot.Connectors.Tests;

/// <summary>The fake other tests lean on: its access view, its behaviours and its checks.</summary>
public sealed class FakeWebhookReceiverTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private FakeWebhookReceiver receiver = null!;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider services = null!;

    private IAccessConnector Connector => services.Registry().Get("payments-db");

    public async Task InitializeAsync()
    {
        receiver = await FakeWebhookReceiver.StartAsync(TestConnectors.Secret);
        services = TestConnectors.Build(TestConnectors.Configuration(TestConnectors.Webhook("payments-db", receiver.Url)));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Access_held_is_granted_minus_revoked_per_request_id()
    {
        await Connector.GrantAsync(TestConnectors.Grant("JIT-1"), CancellationToken.None);
        await Connector.GrantAsync(TestConnectors.Grant("JIT-2") with { Email = "dave@example.com" }, CancellationToken.None);
        await Connector.GrantAsync(TestConnectors.Grant("JIT-2") with { Email = "dave@example.com" }, CancellationToken.None);
        await Connector.RevokeAsync(TestConnectors.Grant("JIT-1"), CancellationToken.None);

        Assert.Equal(["JIT-2"], receiver.ActiveRequestIds);
        Assert.Equal(["dave@example.com"], receiver.ActiveUsers);
        Assert.Equal(3, receiver.Grants.Count);
        Assert.Single(receiver.Revokes);
    }

    [Fact]
    public async Task A_failed_grant_holds_no_access_and_a_failed_revoke_leaves_it()
    {
        receiver.FailNext(1);
        await Assert.ThrowsAsync<ConnectorException>(() => Connector.GrantAsync(TestConnectors.Grant("JIT-1"), CancellationToken.None));
        Assert.Empty(receiver.AccessHeld);

        await Connector.GrantAsync(TestConnectors.Grant("JIT-1"), CancellationToken.None);
        receiver.FailAlways();
        await Assert.ThrowsAsync<ConnectorException>(() => Connector.RevokeAsync(TestConnectors.Grant("JIT-1"), CancellationToken.None));
        Assert.Equal(["JIT-1"], receiver.ActiveRequestIds);

        receiver.Recover();
        await Connector.RevokeAsync(TestConnectors.Grant("JIT-1"), CancellationToken.None);
        Assert.Empty(receiver.ActiveRequestIds);
    }

    [Fact]
    public async Task A_call_with_a_wrong_signature_is_recorded_as_not_authentic_and_answered_401()
    {
        using var http = new HttpClient();
        using var content = new StringContent("""{"event":"grant","requestId":"JIT-9"}""", Encoding.UTF8, "application/json");
        content.Headers.Add("X-JitBot-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        content.Headers.Add("X-JitBot-Signature", "v1=00");

        using var response = await http.PostAsync(new Uri(receiver.Url), content);

        Assert.Equal(401, (int)response.StatusCode);
        var call = Assert.Single(receiver.Calls);
        Assert.False(call.SignatureValid);
        Assert.True(call.TimestampFresh);
        Assert.Equal("JIT-9", call.RequestId);
        Assert.Empty(receiver.AccessHeld);
    }

    [Fact]
    public async Task A_held_answer_is_recorded_at_once_and_answered_on_release()
    {
        var release = receiver.HoldAnswers("grant");
        var granting = Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);

        var call = await receiver.WaitForCallAsync("grant", "JIT-1042", Patience);
        Assert.False(granting.IsCompleted);
        Assert.Equal("alice@example.com", call.Email);

        release.SetResult();
        await granting.WaitAsync(Patience);
    }

    [Fact]
    public async Task Only_the_delayed_event_waits()
    {
        receiver.DelayAnswers("grant", TimeSpan.FromMinutes(10));

        await Connector.RevokeAsync(TestConnectors.Grant(), CancellationToken.None).WaitAsync(Patience);

        receiver.AnswerImmediately("grant");
        await Connector.GrantAsync(TestConnectors.Grant("JIT-2"), CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task Waiting_for_a_condition_that_never_holds_times_out_listing_the_calls()
    {
        await Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => receiver.WaitForAsync(r => r.Revokes.Count > 0, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("#1 grant JIT-1042 → 200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_returns_as_soon_as_the_call_arrives()
    {
        var waiting = receiver.WaitForAsync(r => r.ActiveUsers.Contains("alice@example.com"), Patience);

        await Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);

        await waiting;
    }
}
