using System.Net;

namespace JitBot.Slack.Api;

/// <summary>
/// A Web API call that did not succeed: Slack's <c>error</c> code for an <c>ok:false</c> answer, or
/// <c>ratelimited</c> / <c>http_503</c> when retries ran out. Never carries the token or the body.
/// </summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException()
        : this("unknown", "unknown_error")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        ApiMethod = "unknown";
        Error = "unknown_error";
    }

    public SlackApiException(string apiMethod, string error, HttpStatusCode statusCode = HttpStatusCode.OK, Exception? innerException = null)
        : base($"Slack {apiMethod} failed: {error}", innerException)
    {
        ApiMethod = apiMethod;
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string ApiMethod { get; }

    /// <summary>Slack's error code (<c>channel_not_found</c>, <c>user_not_found</c>, <c>ratelimited</c>, …).</summary>
    public string Error { get; }

    /// <summary>The HTTP status of the last answer: 200 when Slack answered <c>ok:false</c>.</summary>
    public HttpStatusCode StatusCode { get; } = HttpStatusCode.OK;

    /// <summary>True when Slack answered and said no (as opposed to an outage or exhausted retries).</summary>
    public bool IsApiError => StatusCode == HttpStatusCode.OK;
}
