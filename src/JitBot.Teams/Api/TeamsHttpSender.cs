using System.Net;
using Microsoft.Extensions.Logging;

namespace JitBot.Teams.Api;

/// <summary>
/// Sends one HTTP call to Microsoft, retrying what Teams says to retry (429, 412, 5xx, a broken connection), waiting
/// for <c>Retry-After</c> when given (capped at a minute) or a doubling backoff, through <see cref="TimeProvider"/>.
/// Returns the last answer, successful or not; never logs a header or a body.
/// </summary>
internal sealed partial class TeamsHttpSender(TimeProvider time, ILogger<TeamsHttpSender> logger)
{
    public const int MaxRateLimitRetries = 5;

    public const int MaxTransientRetries = 3;

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    public async Task<HttpResponseMessage> SendAsync(HttpClient http, string operation, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var rateLimited = 0;
        var transient = 0;
        while (true)
        {
            HttpResponseMessage response;
            using (var request = build())
            {
                try
                {
                    response = await http.SendAsync(request, cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested && transient < MaxTransientRetries)
                {
                    transient++;
                    Log.TransportFailed(logger, operation, transient, ex);
                    await Task.Delay(Backoff(transient), time, cancellationToken);
                    continue;
                }
            }

            var status = (int)response.StatusCode;
            var throttled = response.StatusCode == HttpStatusCode.TooManyRequests;
            var retryable = throttled || response.StatusCode == HttpStatusCode.PreconditionFailed || status >= 500;
            if (!retryable || (throttled ? rateLimited >= MaxRateLimitRetries : transient >= MaxTransientRetries))
            {
                return response;
            }

            var attempt = throttled ? ++rateLimited : ++transient;
            var delay = RetryAfter(response) ?? Backoff(attempt);
            response.Dispose();
            Log.Retrying(logger, operation, status, delay.TotalSeconds, attempt);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        TimeSpan? delay = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => null,
        };
        return delay switch
        {
            null => null,
            { } d when d <= TimeSpan.Zero => TimeSpan.Zero,
            { } d when d > MaxRetryAfter => MaxRetryAfter,
            { } d => d,
        };
    }

    private static TimeSpan Backoff(int attempt) => FirstBackoff * Math.Pow(2, attempt - 1);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Teams {Operation} answered HTTP {Status}; retrying in {DelaySeconds}s (attempt {Attempt})")]
        public static partial void Retrying(ILogger logger, string operation, int status, double delaySeconds, int attempt);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Teams {Operation} could not be reached; retrying (attempt {Attempt})")]
        public static partial void TransportFailed(ILogger logger, string operation, int attempt, Exception exception);
    }
}
