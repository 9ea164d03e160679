using System.Collections.Concurrent;
using JitBot.Core.Policies;
using JitBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.People;

/// <summary>
/// <c>slack-usergroup:&lt;id&gt;</c> approvers: the group's members (<c>usergroups.users.list</c>) as emails (through the
/// directory's cached users.info), remembered for <see cref="TimeToLive"/>. Members Slack shows no email for are left
/// out; an outage is an exception (the resolver logs it), never an empty group that is then cached.
/// </summary>
internal sealed partial class SlackUsergroupSource(SlackApiClient api, SlackDirectory directory, TimeProvider timeProvider, ILogger<SlackUsergroupSource> logger)
    : IPrincipalSource
{
    public const string SelectorKind = "slack-usergroup";

    public const int MaxParallelLookups = 8;

    public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Emails, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public string Kind => SelectorKind;

    public async Task<IReadOnlySet<string>> MembersAsync(string name, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && cached.Expires > now)
        {
            return cached.Emails;
        }

        var userIds = await api.ListUsergroupMembersAsync(name, cancellationToken);
        var emails = new ConcurrentDictionary<string, byte>(StringComparer.OrdinalIgnoreCase);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelLookups, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(userIds.Distinct(StringComparer.Ordinal), parallel, async (userId, token) =>
        {
            var lookup = await directory.FindPersonAsync(userId, token);
            if (lookup.Person is { } person)
            {
                emails.TryAdd(person.Email, 0);
            }
        });

        var members = emails.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Log.Resolved(logger, name, userIds.Count, members.Count);
        _cache[name] = (members, now + TimeToLive);
        return members;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "Slack user group {Usergroup}: {Members} members, {WithEmail} with a visible email")]
        public static partial void Resolved(ILogger logger, string usergroup, int members, int withEmail);
    }
}
