using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JitBot.Testing.Teams;

/// <summary>
/// A Bot Connector service on loopback (real Kestrel) at <see cref="ServiceUrl"/> (which has a path, as Teams'
/// tenant-scoped service URLs do): send, reply, update (PUT), create conversation, get member. It records every call
/// and keeps every posted activity as it is now; calls without a token the identity server issued get 401.
/// </summary>
public sealed partial class FakeBotConnector : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ConnectorCall> _calls = [];
    private readonly Dictionary<string, Queue<(int Status, int? RetryAfter, string? Body)>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeTeamsMember> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Conversation, string Activity), JsonObject> _activities = new();
    private readonly ConcurrentDictionary<string, string> _directChats = new(StringComparer.Ordinal);
    private readonly Func<string?, bool> _isAuthorized;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private long _sequence = 1_767_765_488_000;

    private FakeBotConnector(Func<string?, bool> isAuthorized) => _isAuthorized = isAuthorized;

    /// <summary>The service URL activities carry and the bot calls back, ending in <c>/teams/</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <param name="isAuthorized">Whether a bearer token is good (e.g. <see cref="FakeBotIdentityServer.IsIssued"/>).</param>
    public static async Task<FakeBotConnector> StartAsync(Func<string?, bool> isAuthorized, CancellationToken cancellationToken = default)
    {
        var connector = new FakeBotConnector(isAuthorized);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "FakeBotConnector" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        connector.MapRoutes(app);
        await app.StartAsync(cancellationToken);
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/teams/";
        connector._app = app;
        return connector;
    }

    public void AddMember(FakeTeamsMember member) => _members[member.Id] = member;

    /// <summary>The next <paramref name="times"/> calls of <paramref name="operation"/> answer <paramref name="status"/>.</summary>
    public void FailNext(string operation, int status, int times = 1, int? retryAfterSeconds = null, string? body = null)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(operation, out var queue))
            {
                _faults[operation] = queue = new Queue<(int, int?, string?)>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((status, retryAfterSeconds, body));
            }
        }
    }

    public IReadOnlyList<ConnectorCall> Calls(string? operation = null)
    {
        lock (_gate)
        {
            return _calls.Where(c => operation is null || c.Operation == operation).ToList();
        }
    }

    /// <summary>A posted activity as it is now (after any PUT).</summary>
    public JsonObject? Activity(string conversationId, string activityId) =>
        _activities.TryGetValue((conversationId, activityId), out var activity) ? (JsonObject)activity.DeepClone() : null;

    /// <summary>The 1:1 conversation created for a user, if any.</summary>
    public string? DirectChatOf(FakeTeamsMember member) => _directChats.GetValueOrDefault(member.Id);

    public async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe() is { } found)
            {
                return found;
            }

            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"FakeBotConnector: the condition was not met within {timeout}. Calls: {string.Join(", ", Calls().Select(c => $"{c.Operation} {c.ConversationId} {c.StatusCode}"))}");
            }

            await Task.WhenAny(changed, Task.Delay(remaining < TimeSpan.FromMilliseconds(100) ? remaining : TimeSpan.FromMilliseconds(100)));
        }
    }

    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) => WaitForAsync(() => condition() ? this : null, timeout);

    /// <summary>Waits for a successful call of <paramref name="operation"/> matching <paramref name="match"/>.</summary>
    public Task<ConnectorCall> WaitForCallAsync(string operation, Func<ConnectorCall, bool>? match, TimeSpan timeout) =>
        WaitForAsync(() => Calls(operation).FirstOrDefault(c => c.StatusCode < 300 && (match is null || match(c))), timeout);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void Record(ConnectorCall call)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _calls.Add(call);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private (int Status, int? RetryAfter, string? Body)? TakeFault(string operation)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    private string NextId() => Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
