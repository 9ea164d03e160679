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

namespace JitBot.Testing.Slack;

/// <summary>
/// A Slack Web API on loopback (real Kestrel, http://127.0.0.1:&lt;free port&gt;/api/): chat.postMessage,
/// chat.update, chat.postEphemeral, conversations.open, users.info, usergroups.users.list, views.open, auth.test.
/// Records every call; can be told to rate-limit, fail or break the next calls of a method. Point <c>Slack:ApiBaseUrl</c> at <see cref="BaseUrl"/>.
/// </summary>
public sealed partial class FakeSlackServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SlackApiCall> _calls = [];
    private readonly Dictionary<string, Queue<FakeSlackFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeSlackUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Channel, string Ts), JsonObject> _messages = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private long _sequence;

    private FakeSlackServer(string? botToken) => BotToken = botToken;

    /// <summary>The Web API base, ending in <c>/api/</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>When set, a call with another bearer token gets <c>invalid_auth</c>. A call with none always gets <c>not_authed</c>.</summary>
    public string? BotToken { get; set; }

    public static async Task<FakeSlackServer> StartAsync(string? botToken = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeSlackServer(botToken);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "FakeSlack" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Map("/api/{method}", server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/api/";
        server._app = app;
        return server;
    }

    public void AddUser(string id, string? email, string name) => AddUser(new FakeSlackUser(id, email, name));

    public void AddUser(FakeSlackUser user) => _users[user.Id] = user;

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(string method, int times = 1, int retryAfterSeconds = 1) =>
        AddFaults(method, times, new FakeSlackFault(429, retryAfterSeconds, "ratelimited"));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer 200 <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, string error, int times = 1) =>
        AddFaults(method, times, new FakeSlackFault(200, null, error));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer with an HTTP 5xx.</summary>
    public void ServerErrorNext(string method, int times = 1, int statusCode = 503) =>
        AddFaults(method, times, new FakeSlackFault(statusCode, null, "service_unavailable"));

    /// <summary>Every call so far, oldest first; only those of <paramref name="method"/> when given.</summary>
    public IReadOnlyList<SlackApiCall> Calls(string? method = null)
    {
        lock (_gate)
        {
            return _calls.Where(c => method is null || c.Method == method).ToList();
        }
    }

    /// <summary>A posted message as it is now (after any chat.update): <c>channel</c>, <c>ts</c>, <c>text</c>, <c>blocks</c>.</summary>
    public JsonObject? Message(string channel, string ts) =>
        _messages.TryGetValue((channel, ts), out var message) ? (JsonObject)message.DeepClone() : null;

    /// <summary>The messages in <paramref name="channel"/> as they are now, oldest first (a DM to <c>U…</c> is in <c>D…</c>).</summary>
    public IReadOnlyList<JsonObject> Messages(string channel) =>
        _messages.Where(m => m.Key.Channel == channel).OrderBy(m => m.Key.Ts, StringComparer.Ordinal).Select(m => (JsonObject)m.Value.DeepClone()).ToList();

    /// <summary>Waits until <paramref name="probe"/> returns something, re-checking on every call and every 100 ms.</summary>
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
                throw new TimeoutException($"FakeSlackServer: the condition was not met within {timeout}. Calls: {string.Join(", ", Calls().Select(c => c.Method))}");
            }

            await Task.WhenAny(changed, Task.Delay(remaining < TimeSpan.FromMilliseconds(100) ? remaining : TimeSpan.FromMilliseconds(100)));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) =>
        WaitForAsync(() => condition() ? this : null, timeout);

    /// <summary>Waits for a call of <paramref name="method"/> (matching <paramref name="match"/>, if given) and returns the first.</summary>
    public Task<SlackApiCall> WaitForCallAsync(string method, Func<SlackApiCall, bool>? match, TimeSpan timeout) =>
        WaitForAsync(() => Calls(method).FirstOrDefault(c => match is null || match(c)), timeout);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void AddFaults(string method, int times, FakeSlackFault fault)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var queue))
            {
                _faults[method] = queue = new Queue<FakeSlackFault>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(fault);
            }
        }
    }

    private FakeSlackFault? TakeFault(string method)
    {
        lock (_gate)
        {
            return _faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
        }
    }

    private void Record(SlackApiCall call)
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

    private string NextTs()
    {
        var n = Interlocked.Increment(ref _sequence);
        return $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{n:D6}";
    }
}
