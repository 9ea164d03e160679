using System.Collections.Concurrent;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.People;

/// <summary>
/// Slack user id → <see cref="Person"/> (email from users.info), cached for an hour in a bounded map.
/// Slack saying no (unknown user, no email, missing scope) is a <see cref="SlackPersonLookup.Problem"/>;
/// an outage stays an exception, never a "not found".
/// </summary>
internal sealed partial class SlackDirectory(SlackApiClient api, TimeProvider timeProvider, ILogger<SlackDirectory> logger)
{
    public const int MaxEntries = 10_000;

    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    public const string NoEmailProblem =
        "I can't see your email address in Slack, and JitBot knows people by email. " +
        "Ask a Slack admin to check that the app has the users:read.email scope and that your profile has an email.";

    public const string SlowProblem = "Slack is slow to tell me who you are right now. Please try again in a moment.";

    private readonly ConcurrentDictionary<string, (Person Person, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async Task<SlackPersonLookup> FindPersonAsync(string userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Expires > now)
        {
            return SlackPersonLookup.Found(cached.Person);
        }

        SlackUser user;
        try
        {
            user = await api.GetUserAsync(userId, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.IsApiError)
        {
            Log.LookupRefused(logger, userId, ex.Error);
            return SlackPersonLookup.Failed($"I couldn't look you up in Slack ({ex.Error}), so I can't tell who you are.");
        }

        if (user.IsDeleted || user.IsBot || string.IsNullOrWhiteSpace(user.Email))
        {
            Log.NoEmail(logger, userId);
            return SlackPersonLookup.Failed(NoEmailProblem);
        }

        var person = new Person(user.Email.Trim().ToLowerInvariant(), user.DisplayName, Platform.Slack, user.Id);
        Remember(userId, person, now);
        return SlackPersonLookup.Found(person);
    }

    /// <summary>
    /// As <see cref="FindPersonAsync(string, CancellationToken)"/>, but gives up after <paramref name="budget"/> with a
    /// "try again" problem: inbound Slack requests must be answered within 3 seconds, retries or not.
    /// </summary>
    public async Task<SlackPersonLookup> FindPersonAsync(string userId, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FindPersonAsync(userId, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.TooSlow(logger, userId, budget.TotalSeconds);
            return SlackPersonLookup.Failed(SlowProblem);
        }
    }

    private void Remember(string userId, Person person, DateTimeOffset now)
    {
        if (_cache.Count >= MaxEntries)
        {
            foreach (var entry in _cache.Where(e => e.Value.Expires <= now).ToList())
            {
                _cache.TryRemove(entry.Key, out _);
            }

            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }
        }

        _cache[userId] = (person, now + TimeToLive);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Slack users.info refused {UserId}: {Error}")]
        public static partial void LookupRefused(ILogger logger, string userId, string error);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Slack user {UserId} has no visible email (deleted, a bot, or the app lacks users:read.email)")]
        public static partial void NoEmail(ILogger logger, string userId);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "Slack users.info for {UserId} took longer than {BudgetSeconds}s; the person was asked to retry")]
        public static partial void TooSlow(ILogger logger, string userId, double budgetSeconds);
    }
}
