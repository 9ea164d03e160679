using Microsoft.Extensions.Logging;

namespace JitBot.Connectors.Webhook;

/// <summary>What the webhook connector logs: names, events, request ids and statuses; never the URL, body or secret.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Webhook connector {Connector}: sending {Event} for {RequestId}")]
    public static partial void Sending(ILogger logger, string connector, string @event, string requestId);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Webhook connector {Connector}: {Event} for {RequestId} confirmed with HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void Confirmed(ILogger logger, string connector, string @event, string requestId, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Webhook connector {Connector}: {Event} for {RequestId} refused with HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void Refused(ILogger logger, string connector, string @event, string requestId, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "Webhook connector {Connector}: {Event} for {RequestId} timed out after {Timeout}")]
    public static partial void TimedOut(ILogger logger, string connector, string @event, string requestId, TimeSpan timeout);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning,
        Message = "Webhook connector {Connector}: {Event} for {RequestId} got no HTTP answer ({Error})")]
    public static partial void Unreachable(ILogger logger, Exception exception, string connector, string @event, string requestId, HttpRequestError error);
}
