using System.Collections.Concurrent;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Teams.Activities;
using JitBot.Teams.Api;
using JitBot.Teams.State;
using Microsoft.Extensions.Logging;

namespace JitBot.Teams.People;

/// <summary>
/// The sender of an activity → <see cref="Person"/>: email = the member's <c>email</c>, else its
/// <c>userPrincipalName</c> (lower-cased), from <c>GET {serviceUrl}/v3/conversations/{id}/members/{userId}</c>;
/// platform id = the Entra object id. Cached for an hour in a bounded map; the email → user mapping is kept in
/// <see cref="TeamsState"/> so that cards can name approvers' Teams ids. The connector saying no is a problem for
/// the user; an outage stays an exception.
/// </summary>
internal sealed partial class TeamsDirectory(BotConnectorClient connector, TeamsState state, TimeProvider timeProvider, ILogger<TeamsDirectory> logger)
{
    public const int MaxEntries = 10_000;

    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    public const string NoEmailProblem =
        "I can't see an email address or user principal name for you in Teams, and JitBot knows people by email. " +
        "Ask a Teams admin to check that your account has one.";

    public const string NoIdentityProblem = "I can't tell who you are: Teams did not send your Microsoft Entra object id.";

    public const string SlowProblem = "Teams is slow to tell me who you are right now. Please try again in a moment.";

    private readonly ConcurrentDictionary<string, (Person Person, DateTimeOffset Expires)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TeamsPersonLookup> FindSenderAsync(TeamsActivity activity, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FindSenderAsync(activity, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.TooSlow(logger, activity.From?.AadObjectId ?? "?", budget.TotalSeconds);
            return TeamsPersonLookup.Failed(SlowProblem);
        }
    }

    public async Task<TeamsPersonLookup> FindSenderAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.From is not { AadObjectId: { Length: > 0 } aad } from)
        {
            return TeamsPersonLookup.Failed(NoIdentityProblem);
        }

        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(aad, out var cached) && cached.Expires > now)
        {
            return TeamsPersonLookup.Found(cached.Person);
        }

        // In a team the roster is the team's; elsewhere the conversation's own.
        var where = activity.TeamId ?? activity.ConversationId;
        var member = await connector.GetMemberAsync(activity.ServiceUrl, where, from.Id, cancellationToken);
        var address = member?.Email is { Length: > 0 } email ? email : member?.UserPrincipalName;
        if (member is null || string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal))
        {
            Log.NoEmail(logger, aad, member is not null);
            return TeamsPersonLookup.Failed(NoEmailProblem);
        }

        var normalised = address.Trim().ToLowerInvariant();
        var name = FirstNonEmpty(member.Name, from.Name) ?? normalised;
        var person = new Person(normalised, name, Platform.Teams, aad);
        await state.RememberEmailAsync(normalised, aad, cancellationToken);
        Remember(aad, person, now);
        return TeamsPersonLookup.Found(person);
    }

    private void Remember(string aad, Person person, DateTimeOffset now)
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

        _cache[aad] = (person, now + TimeToLive);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Teams user {AadObjectId} has no usable email or UPN (member found: {Found})")]
        public static partial void NoEmail(ILogger logger, string aadObjectId, bool found);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "The Teams member lookup for {AadObjectId} took longer than {BudgetSeconds}s; the person was asked to retry")]
        public static partial void TooSlow(ILogger logger, string aadObjectId, double budgetSeconds);
    }
}
