using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using JitBot.Core.Common;
using JitBot.Core.Grants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JitBot.Connectors.Webhook;

/// <summary>
/// Grants and revokes by POSTing a signed JSON event to the operator's endpoint (contract section 6).
/// One attempt per call: the caller retries with backoff. Any 2xx confirms; anything else throws
/// <see cref="ConnectorException"/>.
/// </summary>
internal sealed class WebhookConnector(
    WebhookOptions options,
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILogger<WebhookConnector> logger) : IAccessConnector
{
    public const string HttpClientName = "JitBot.Connectors.Webhook";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly byte[] key = Encoding.UTF8.GetBytes(options.Secret);

    public static WebhookConnector Create(WebhookOptions options, IServiceProvider services) => new(
        options,
        services.GetRequiredService<IHttpClientFactory>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<WebhookConnector>>());

    /// <summary>One named client for every webhook connector: no redirects followed, no URL logging, our own timeout.</summary>
    public static void AddHttpClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();

    public async Task<GrantResult> GrantAsync(GrantContext grant, CancellationToken cancellationToken)
    {
        await SendAsync(WebhookPayload.GrantEvent, grant, cancellationToken).ConfigureAwait(false);
        return GrantResult.Done;
    }

    public Task RevokeAsync(GrantContext grant, CancellationToken cancellationToken) =>
        SendAsync(WebhookPayload.RevokeEvent, grant, cancellationToken);

    /// <summary>A webhook cannot be asked what it holds: the receiver's own records are its truth.</summary>
    public Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ActiveAccess>>([]);

    public Task RemoveAsync(ActiveAccess access, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a webhook connector lists nothing, so it has nothing to remove");

    private async Task SendAsync(string eventName, GrantContext grant, CancellationToken cancellationToken)
    {
        var body = WebhookPayload.Write(eventName, grant);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url);
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(key, timestamp, body));
        request.Headers.Add(WebhookSignature.IdempotencyKeyHeader, $"{grant.RequestId}:{eventName}");

        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = timeProvider.GetTimestamp();
        WebhookLog.Sending(logger, options.Name, eventName, grant.RequestId);
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var elapsed = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                WebhookLog.Confirmed(logger, options.Name, eventName, grant.RequestId, status, elapsed);
                return;
            }

            WebhookLog.Refused(logger, options.Name, eventName, grant.RequestId, status, elapsed);
            throw new ConnectorException(
                $"{Describe(eventName, grant)} failed with HTTP {status} ({response.StatusCode})");
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            WebhookLog.TimedOut(logger, options.Name, eventName, grant.RequestId, options.Timeout);
            throw new ConnectorException(
                $"{Describe(eventName, grant)} timed out after {Duration.Format(options.Timeout)} (no HTTP status)", exception);
        }
        catch (HttpRequestException exception)
        {
            WebhookLog.Unreachable(logger, exception, options.Name, eventName, grant.RequestId, exception.HttpRequestError);
            throw new ConnectorException(
                $"{Describe(eventName, grant)} got no HTTP answer ({exception.HttpRequestError}; no HTTP status)", exception);
        }
    }

    private string Describe(string eventName, GrantContext grant) =>
        $"Webhook connector '{options.Name}': {eventName} for {grant.RequestId}";
}
