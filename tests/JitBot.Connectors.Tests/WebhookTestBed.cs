using System.Net;
using System.Net.Sockets;
using JitBot.Core.Grants;
using JitBot.Testing.Webhook;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Connectors.Tests;

/// <summary>A fake receiver and the connector <c>payments-db</c> pointed at it, on one fake clock, with logs captured.</summary>
internal sealed class WebhookTestBed : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<ServiceProvider> providers = [];

    private WebhookTestBed(FakeTimeProvider clock, FakeWebhookReceiver receiver)
    {
        Clock = clock;
        Receiver = receiver;
    }

    /// <summary>Both sides' clock: the connector stamps calls with it, the receiver checks them against it.</summary>
    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public FakeWebhookReceiver Receiver { get; }

    public IAccessConnector Connector { get; private set; } = null!;

    public static async Task<WebhookTestBed> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 5, TimeSpan.Zero));
        var bed = new WebhookTestBed(clock, await FakeWebhookReceiver.StartAsync(TestConnectors.Secret, clock));
        bed.Connector = bed.ConnectorAt(bed.Receiver.Url, timeout: "5s");
        return bed;
    }

    /// <summary>Another <c>payments-db</c> connector, on the same clock and logs, pointed at <paramref name="url"/>.</summary>
    public IAccessConnector ConnectorAt(string url, string? timeout = null)
    {
        var provider = TestConnectors.Build(TestConnectors.Configuration(TestConnectors.Webhook("payments-db", url, timeout)), Clock, Logs);
        providers.Add(provider);
        return provider.Registry().Get("payments-db");
    }

    /// <summary>A loopback port nothing listens on (bound, never listened, then closed).</summary>
    public static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await Receiver.DisposeAsync();
    }
}
