using JitBot.Core.Grants;
using JitBot.Testing.Webhook;

namespace JitBot.Connectors.Tests;

/// <summary>Anything but a 2xx throws <see cref="ConnectorException"/>, once, without the secret or the body.</summary>
public sealed class WebhookConnectorFailureTests : IAsyncLifetime
{
    private WebhookTestBed bed = null!;

    private FakeWebhookReceiver Receiver => bed.Receiver;

    public async Task InitializeAsync() => bed = await WebhookTestBed.StartAsync();

    public async Task DisposeAsync() => await bed.DisposeAsync();

    [Fact]
    public async Task A_refusal_throws_naming_connector_event_request_and_status_but_not_the_secret_or_body()
    {
        Receiver.FailNext(1, statusCode: 503);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None));

        Assert.Equal("Webhook connector 'payments-db': grant for JIT-1042 failed with HTTP 503 (ServiceUnavailable)", error.Message);
        Assert.DoesNotContain(TestConnectors.Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("replication lag", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_is_tried_once_the_caller_retries()
    {
        Receiver.FailNext(1);

        await Assert.ThrowsAsync<ConnectorException>(() => bed.Connector.RevokeAsync(TestConnectors.Grant(), CancellationToken.None));
        await bed.Connector.RevokeAsync(TestConnectors.Grant(), CancellationToken.None);

        Assert.Equal([500, 200], Receiver.Calls.Select(call => call.Status));
        Assert.All(Receiver.Calls, call => Assert.Equal("JIT-1042:revoke", call.IdempotencyKey));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failure()
    {
        Receiver.AnswerAlways(307);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None));

        Assert.Contains("HTTP 307", error.Message, StringComparison.Ordinal);
        Assert.Single(Receiver.Calls);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_throws()
    {
        Receiver.HoldAnswers("grant");
        var granting = bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);
        await Receiver.WaitForCallAsync("grant", "JIT-1042", WebhookTestBed.Patience);

        bed.Clock.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => granting.WaitAsync(WebhookTestBed.Patience));
        Assert.Equal("Webhook connector 'payments-db': grant for JIT-1042 timed out after 5s (no HTTP status)", error.Message);
    }

    [Fact]
    public async Task A_refused_connection_throws()
    {
        var unreachable = bed.ConnectorAt($"http://127.0.0.1:{WebhookTestBed.ClosedPort()}/webhook");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => unreachable.RevokeAsync(TestConnectors.Grant(), CancellationToken.None));

        Assert.StartsWith("Webhook connector 'payments-db': revoke for JIT-1042 got no HTTP answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("no HTTP status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_caller_gets_a_cancellation_not_a_connector_failure()
    {
        Receiver.HoldAnswers("grant");
        using var cancellation = new CancellationTokenSource();
        var granting = bed.Connector.GrantAsync(TestConnectors.Grant(), cancellation.Token);
        await Receiver.WaitForCallAsync("grant", "JIT-1042", WebhookTestBed.Patience);

        await cancellation.CancelAsync();

        var error = await Record.ExceptionAsync(() => granting.WaitAsync(WebhookTestBed.Patience));
        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task The_secret_never_appears_in_logs()
    {
        await bed.Connector.GrantAsync(TestConnectors.Grant(), CancellationToken.None);
        Receiver.FailNext(1);
        await Assert.ThrowsAsync<ConnectorException>(() => bed.Connector.RevokeAsync(TestConnectors.Grant(), CancellationToken.None));
        var unreachable = bed.ConnectorAt($"http://127.0.0.1:{WebhookTestBed.ClosedPort()}/webhook");
        await Assert.ThrowsAsync<ConnectorException>(() => unreachable.GrantAsync(TestConnectors.Grant(), CancellationToken.None));

        var lines = bed.Logs.Lines;
        Assert.Contains(lines, line => line.Contains("confirmed with HTTP 200", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("refused with HTTP 500", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("got no HTTP answer", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain(TestConnectors.Secret, line, StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain("replication lag", line, StringComparison.Ordinal));
    }
}
