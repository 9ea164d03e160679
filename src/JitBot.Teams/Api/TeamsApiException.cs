using System.Net;

namespace JitBot.Teams.Api;

/// <summary>
/// A call to the Bot Connector or the token endpoint that did not succeed: the operation, a short error code
/// (the service's own, or <c>http_503</c>), and the last HTTP status. Never carries a token, a secret or a body.
/// </summary>
public sealed class TeamsApiException : Exception
{
    public TeamsApiException()
        : this("unknown", "unknown_error")
    {
    }

    public TeamsApiException(string message)
        : this("unknown", message)
    {
    }

    public TeamsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "unknown";
        Error = "unknown_error";
    }

    public TeamsApiException(string operation, string error, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base($"Teams {operation} failed: {error}", innerException)
    {
        Operation = operation;
        Error = error;
        StatusCode = statusCode;
    }

    /// <summary>What was attempted, e.g. <c>send activity</c> or <c>token</c>.</summary>
    public string Operation { get; }

    public string Error { get; }

    /// <summary>The HTTP status of the last answer; null when none came.</summary>
    public HttpStatusCode? StatusCode { get; }
}
