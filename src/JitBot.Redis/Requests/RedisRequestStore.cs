using System.Globalization;
using JitBot.Core.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JitBot.Redis.Requests;

/// <summary>
/// Requests in Redis: a hash per request (<c>v</c> = version, <c>d</c> = JSON, <c>s</c> = status), a set per
/// requester and per status. Creation and compare-and-set updates are Lua scripts, so indexes never drift
/// from the documents and two concurrent updates from one version count once.
/// </summary>
internal sealed partial class RedisRequestStore(
    IConnectionMultiplexer connection,
    IOptions<RedisOptions> options,
    ILogger<RedisRequestStore> logger) : IRequestStore
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);
    private static readonly RedisValue[] Fields = ["v", "d"];

    private readonly RedisKeys keys = new(options.Value.Prefix);

    private IDatabase Database => connection.GetDatabase();

    public async Task<long> NextNumberAsync(CancellationToken cancellationToken) =>
        await Database.StringIncrementAsync(keys.Sequence).WaitAsync(cancellationToken);

    public async Task CreateAsync(AccessRequest request, CancellationToken cancellationToken)
    {
        var status = request.Status.ToString();
        var created = await Database.ScriptEvaluateAsync(
            RequestScripts.Create,
            [keys.Request(request.Id), keys.ByRequester(request.Requester.Email), keys.ByStatus(status)],
            [RequestJson.Serialize(request), request.Id, status]).WaitAsync(cancellationToken);
        if ((long)created == 0)
        {
            throw new InvalidOperationException($"Request {request.Id} already exists.");
        }
    }

    public async Task<AccessRequest?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var values = await Database.HashGetAsync(keys.Request(id), Fields).WaitAsync(cancellationToken);
        return Read(values);
    }

    public async Task<bool> TryReplaceAsync(AccessRequest current, AccessRequest next, CancellationToken cancellationToken)
    {
        if (!string.Equals(current.Id, next.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot replace {current.Id} with a different request ({next.Id}).", nameof(next));
        }

        var oldStatus = current.Status.ToString();
        var newStatus = next.Status.ToString();
        var replaced = await Database.ScriptEvaluateAsync(
            RequestScripts.Replace,
            [keys.Request(current.Id), keys.ByStatus(oldStatus), keys.ByStatus(newStatus)],
            [current.Version.ToString(CultureInfo.InvariantCulture), RequestJson.Serialize(next), current.Id, newStatus])
            .WaitAsync(cancellationToken);
        if ((long)replaced == 1)
        {
            return true;
        }

        LogConflict(logger, current.Id, current.Version);
        return false;
    }

    public async Task<IReadOnlyList<AccessRequest>> ListByRequesterAsync(string email, CancellationToken cancellationToken)
    {
        var requests = await LoadSetAsync(keys.ByRequester(email), cancellationToken);
        return requests
            .Where(r => r.Requester.IsSameAs(email))
            .OrderByDescending(r => r.CreatedAt)
            .ThenByDescending(r => r.Id.Length)
            .ThenByDescending(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<AccessRequest>> ListByStatusAsync(RequestStatus status, CancellationToken cancellationToken)
    {
        var requests = await LoadSetAsync(keys.ByStatus(status.ToString()), cancellationToken);
        return requests
            .Where(r => r.Status == status)
            .OrderBy(r => r.CreatedAt)
            .ThenBy(r => r.Id.Length)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Database.PingAsync().WaitAsync(PingTimeout, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPingFailed(logger, exception);
            return false;
        }
    }

    private async Task<List<AccessRequest>> LoadSetAsync(RedisKey set, CancellationToken cancellationToken)
    {
        var ids = await Database.SetMembersAsync(set).WaitAsync(cancellationToken);
        if (ids.Length == 0)
        {
            return [];
        }

        var batch = Database.CreateBatch();
        var reads = ids.Select(id => batch.HashGetAsync(keys.Request(id.ToString()), Fields)).ToList();
        batch.Execute();
        var values = await Task.WhenAll(reads).WaitAsync(cancellationToken);
        return values.Select(Read).OfType<AccessRequest>().ToList();
    }

    private static AccessRequest? Read(RedisValue[] values)
    {
        var (version, json) = (values[0], values[1]);
        if (json.IsNull)
        {
            return null;
        }

        return RequestJson.Deserialize(json.ToString(), (long)version);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RequestId} changed since version {Version}; compare-and-set refused")]
    private static partial void LogConflict(ILogger logger, string requestId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer PING")]
    private static partial void LogPingFailed(ILogger logger, Exception exception);
}
