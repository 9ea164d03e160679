using JitBot.Slack.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace JitBot.Slack.Endpoints;

/// <summary>
/// Buffers a request's raw body and verifies its signature before anything reads it. A failure answers
/// 401 (or 413 for an oversized body) with a short reason and nothing else is looked at.
/// </summary>
internal sealed partial class SlackRequestReader(SlackSignatureVerifier verifier, ILogger<SlackRequestReader> logger)
{
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>How long an inbound request may wait for users.info: Slack wants its answer within 3 seconds.</summary>
    public static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(2);

    public async Task<SlackInbound> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = request.ContentLength > MaxBodyBytes ? null : await ReadBodyAsync(request.Body, cancellationToken);
        if (body is null)
        {
            Log.Rejected(logger, request.Path, "body too large");
            return SlackInbound.Rejected(StatusCodes.Status413PayloadTooLarge, "body too large");
        }

        var check = verifier.Verify(
            Single(request.Headers[SlackSignatureVerifier.TimestampHeader]),
            Single(request.Headers[SlackSignatureVerifier.SignatureHeader]),
            body);
        if (check.Failure is { } failure)
        {
            Log.Rejected(logger, request.Path, failure);
            return SlackInbound.Rejected(StatusCodes.Status401Unauthorized, failure);
        }

        return SlackInbound.Accepted(body);
    }

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: {Reason}")]
        public static partial void Rejected(ILogger logger, PathString path, string reason);
    }
}
