using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JitBot.Testing.Webhook;

/// <summary>
/// An operator's webhook endpoint on loopback (real Kestrel, http://127.0.0.1:&lt;free port&gt;/webhook): checks each
/// call's signature and timestamp, records it, and answers as the test says (fail, delay, hold).
/// Authentic calls answer 200 by default; a bad signature or stale timestamp answers 401.
/// </summary>
public sealed class FakeWebhookReceiver : IAsyncDisposable
{
    public const string Path = "/webhook";

    private readonly WebApplication app;
    private readonly byte[] key;
    private TimeProvider clock;
    private readonly WebhookBehaviour behaviour = new();
    private readonly WebhookCallLog log = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>The clock timestamps are checked and calls stamped with: set it to the bot's shifted clock.</summary>
    public TimeProvider Clock
    {
        get => clock;
        set => clock = value;
    }

    private FakeWebhookReceiver(WebApplication app, string secret, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
        key = Encoding.UTF8.GetBytes(secret);
        app.MapPost(Path, (RequestDelegate)HandleAsync);
    }

    /// <summary>Where to POST: <c>http://127.0.0.1:&lt;port&gt;/webhook</c>.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<WebhookCall> Calls => log.Snapshot();

    public IReadOnlyList<WebhookCall> Grants => [.. log.Snapshot().Where(call => call.IsGrant)];

    public IReadOnlyList<WebhookCall> Revokes => [.. log.Snapshot().Where(call => call.IsRevoke)];

    /// <summary>The accepted grant calls not (yet) followed by an accepted revoke of the same request id: access held now.</summary>
    public IReadOnlyList<WebhookCall> AccessHeld => WebhookCallLog.Held(log.Snapshot());

    /// <summary>Request ids granted and not yet revoked.</summary>
    public IReadOnlySet<string> ActiveRequestIds => AccessHeld.Select(call => call.RequestId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Emails holding access now (granted minus revoked, per request id).</summary>
    public IReadOnlySet<string> ActiveUsers =>
        AccessHeld.Where(call => call.Email is not null).Select(call => call.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <param name="secret">The connector's <c>Secret</c>: every call is checked against it.</param>
    /// <param name="clock">Checks timestamps and stamps <see cref="WebhookCall.ReceivedAt"/>; the system clock by default.</param>
    public static async Task<FakeWebhookReceiver> StartAsync(
        string secret, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var receiver = new FakeWebhookReceiver(builder.Build(), secret, clock ?? TimeProvider.System);
        await receiver.app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = receiver.app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = address.TrimEnd('/') + Path;
        return receiver;
    }

    /// <summary>The next <paramref name="count"/> authentic calls answer <paramref name="statusCode"/>.</summary>
    public void FailNext(int count, int statusCode = 500) => behaviour.FailNext(count, statusCode);

    /// <summary>Every authentic call answers <paramref name="statusCode"/> until <see cref="Recover"/>.</summary>
    public void FailAlways(int statusCode = 500) => behaviour.AnswerAlways(statusCode);

    /// <summary>
    /// Every authentic call answers <paramref name="statusCode"/> (204, 202, 307…) until <see cref="Recover"/>;
    /// a 3xx answer carries <c>Location</c> = <see cref="Url"/>, so a client that follows redirects would call again.
    /// </summary>
    public void AnswerAlways(int statusCode) => behaviour.AnswerAlways(statusCode);

    /// <summary>Back to normal: authentic calls answer 200 again.</summary>
    public void Recover() => behaviour.Recover();

    /// <summary>Calls of <paramref name="eventName"/> (<c>grant</c>/<c>revoke</c>) are recorded at once but answered after <paramref name="delay"/>.</summary>
    public void DelayAnswers(string eventName, TimeSpan delay) =>
        behaviour.Delay(eventName, cancellationToken => Task.Delay(delay, cancellationToken));

    /// <summary>Calls of <paramref name="eventName"/> are recorded at once but answered only when <paramref name="release"/> completes.</summary>
    public void HoldAnswers(string eventName, Task release) =>
        behaviour.Delay(eventName, cancellationToken => release.WaitAsync(cancellationToken));

    /// <summary>Holds answers of <paramref name="eventName"/> until the returned source is completed (<c>SetResult()</c>).</summary>
    public TaskCompletionSource HoldAnswers(string eventName)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        HoldAnswers(eventName, release.Task);
        return release;
    }

    /// <summary>Answers of <paramref name="eventName"/> go out at once again (answers already held stay held until released).</summary>
    public void AnswerImmediately(string eventName) => behaviour.Delay(eventName, null);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking whenever a call arrives (and at least every 100 ms);
    /// throws <see cref="TimeoutException"/> listing the calls seen when <paramref name="timeout"/> passes first.
    /// </summary>
    public Task WaitForAsync(Func<FakeWebhookReceiver, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        log.WaitForAsync(() => condition(this), timeout, cancellationToken);

    /// <summary>Waits for a call of <paramref name="eventName"/> for <paramref name="requestId"/> and returns the first one.</summary>
    public async Task<WebhookCall> WaitForCallAsync(
        string eventName, string requestId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        bool Matches(WebhookCall call) => call.Event == eventName && call.RequestId == requestId;
        await log.WaitForAsync(() => log.Snapshot().Any(Matches), timeout, cancellationToken).ConfigureAwait(false);
        return log.Snapshot().First(Matches);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var timestamp = context.Request.Headers["X-JitBot-Timestamp"].ToString();
        var signature = context.Request.Headers["X-JitBot-Signature"].ToString();
        var now = clock.GetUtcNow();
        var signatureValid = WebhookVerification.SignatureMatches(key, timestamp, signature, body);
        var timestampFresh = WebhookVerification.TimestampIsFresh(timestamp, now);
        var (eventName, requestId, email, json) = WebhookCallLog.Parse(body);

        var (status, wait) = signatureValid && timestampFresh ? behaviour.Plan(eventName) : (StatusCodes.Status401Unauthorized, null);
        log.Add(sequence => new WebhookCall(
            sequence, eventName, requestId, email, json, Encoding.UTF8.GetString(body),
            context.Request.ContentType, NullIfEmpty(context.Request.Headers["Idempotency-Key"].ToString()),
            NullIfEmpty(timestamp), NullIfEmpty(signature), signatureValid, timestampFresh, status, now));

        if (wait is not null)
        {
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            try
            {
                await wait(aborted.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return;
            }
        }

        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
        {
            context.Response.Headers.Location = Url;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
