using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Api;

/// <summary>Sending, retrying and reading answers. Never logs the token or a body.</summary>
internal sealed partial class SlackApiClient
{
    public const int MaxRateLimitRetries = 5;

    public const int MaxTransientRetries = 3;

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    private Task<JsonObject> PostJsonAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        return SendAsync(method, () => new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }, cancellationToken);
    }

    private Task<JsonObject> GetAsync(string method, string query, CancellationToken cancellationToken) =>
        SendAsync(method, () => new HttpRequestMessage(HttpMethod.Get, $"{method}?{query}"), cancellationToken);

    private async Task<JsonObject> SendAsync(string method, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var rateLimited = 0;
        var transient = 0;
        while (true)
        {
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (transient < MaxTransientRetries)
            {
                transient++;
                Log.TransportFailed(logger, method, transient, ex);
                await Task.Delay(Backoff(transient), timeProvider, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    if (++rateLimited > MaxRateLimitRetries)
                    {
                        throw new SlackApiException(method, "ratelimited", response.StatusCode);
                    }

                    var delay = RetryAfter(response);
                    Log.RateLimited(logger, method, delay.TotalSeconds, rateLimited);
                    await Task.Delay(delay, timeProvider, cancellationToken);
                    continue;
                }

                if ((int)response.StatusCode >= 500)
                {
                    if (++transient > MaxTransientRetries)
                    {
                        throw new SlackApiException(method, $"http_{(int)response.StatusCode}", response.StatusCode);
                    }

                    Log.ServerError(logger, method, (int)response.StatusCode, transient);
                    await Task.Delay(Backoff(transient), timeProvider, cancellationToken);
                    continue;
                }

                return await ReadAnswerAsync(method, response, cancellationToken);
            }
        }
    }

    private async Task<JsonObject> ReadAnswerAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}", response.StatusCode);
        }

        JsonObject? answer;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            answer = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new SlackApiException(method, "invalid_response", HttpStatusCode.OK, ex);
        }

        if (answer is null)
        {
            throw new SlackApiException(method, "invalid_response");
        }

        if (answer["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk)
        {
            return answer;
        }

        var error = answer["error"] is JsonValue e && e.TryGetValue<string>(out var code) ? code : "unknown_error";
        Log.ApiError(logger, method, error);
        throw new SlackApiException(method, error);
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var delay = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => TimeSpan.FromSeconds(1),
        };
        return delay <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : delay > MaxRetryAfter ? MaxRetryAfter : delay;
    }

    private static TimeSpan Backoff(int attempt) => FirstBackoff * Math.Pow(2, attempt - 1);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Slack {Method} rate limited; retrying in {DelaySeconds}s (attempt {Attempt})")]
        public static partial void RateLimited(ILogger logger, string method, double delaySeconds, int attempt);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Slack {Method} answered HTTP {Status}; retrying (attempt {Attempt})")]
        public static partial void ServerError(ILogger logger, string method, int status, int attempt);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Slack {Method} could not be reached; retrying (attempt {Attempt})")]
        public static partial void TransportFailed(ILogger logger, string method, int attempt, Exception exception);

        [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Slack {Method} answered ok:false with {Error}")]
        public static partial void ApiError(ILogger logger, string method, string error);
    }
}
