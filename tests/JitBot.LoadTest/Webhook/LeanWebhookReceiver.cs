using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JitBot.LoadTest.Measuring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JitBot.LoadTest.Webhook;

/// <summary>
/// A webhook receiver that does as little as an operator's would: checks the signature, reads three fields
/// with a forward-only reader, appends to a lock-free queue and answers 200. Kestrel on 127.0.0.1.
/// </summary>
internal sealed class LeanWebhookReceiver : IWebhookSink
{
    private const int MaxBody = 64 * 1024;

    private readonly ConcurrentQueue<WebhookHit> hits = new();
    private readonly byte[] key;
    private WebApplication? app;

    private LeanWebhookReceiver(string secret) => key = Encoding.UTF8.GetBytes(secret);

    public string Name => "lean receiver (load test's own)";

    public string Url { get; private set; } = "";

    public static async Task<IWebhookSink> StartAsync(string secret, CancellationToken cancellationToken)
    {
        var receiver = new LeanWebhookReceiver(secret);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/webhook", (RequestDelegate)receiver.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/webhook";
        receiver.app = app;
        return receiver;
    }

    public IReadOnlyList<WebhookHit> Hits() => hits.ToArray();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var length = context.Request.ContentLength ?? -1;
        if (length is < 0 or > MaxBody)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = new byte[length];
        await context.Request.Body.ReadExactlyAsync(body, context.RequestAborted);
        var received = MonotonicClock.Now;
        var authentic = Authentic(context.Request.Headers["X-JitBot-Timestamp"].ToString(), context.Request.Headers["X-JitBot-Signature"].ToString(), body);
        var (eventName, requestId, expiresAt) = Fields(body);
        hits.Enqueue(new WebhookHit(eventName, requestId, expiresAt, received, authentic));
        context.Response.StatusCode = authentic ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
    }

    private bool Authentic(string timestamp, string signature, byte[] body)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp + ".", signed);
        body.CopyTo(signed, timestamp.Length + 1);
        var expected = Encoding.ASCII.GetBytes("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, signed)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static (string Event, string RequestId, DateTimeOffset? ExpiresAt) Fields(byte[] body)
    {
        string eventName = "", requestId = "";
        DateTimeOffset? expiresAt = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                switch (name)
                {
                    case "event": eventName = reader.GetString() ?? ""; break;
                    case "requestId": requestId = reader.GetString() ?? ""; break;
                    case "expiresAt": expiresAt = reader.GetDateTimeOffset(); break;
                }
            }
        }
        catch (JsonException)
        {
            // Recorded with what was read; a body the host sends is always JSON.
        }

        return (eventName, requestId, expiresAt);
    }
}
