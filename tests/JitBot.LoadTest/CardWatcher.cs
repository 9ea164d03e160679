using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using JitBot.LoadTest.Measuring;
using JitBot.Testing.Slack;

namespace JitBot.LoadTest;

/// <summary>
/// Watches the fake Slack for approval cards (chat.postMessage to the approver channel) and notes when each
/// request's first card was seen. It wakes on every call the fake records, so a card is stamped as soon as a
/// thread-pool thread runs the watcher after the fake recorded it (the fake keeps no arrival times of its own).
/// </summary>
internal sealed partial class CardWatcher(FakeSlackServer slack, Action<string, DateTimeOffset> onCard)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private int scanned;

    public int Count => seen.Count;

    public int CallsScanned => Volatile.Read(ref scanned);

    public bool TryGet(string requestId, out DateTimeOffset at) => seen.TryGetValue(requestId, out at);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<SlackApiCall> calls;
            try
            {
                calls = await slack.WaitForAsync(() => slack.Calls() is var all && all.Count > scanned ? all : null, TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
                continue;
            }

            var now = MonotonicClock.Now;
            for (var i = scanned; i < calls.Count; i++)
            {
                var call = calls[i];
                if (call.Method == "chat.postMessage" && call.Arg("channel") == LoadWorld.ApproverChannel
                    && RequestId().Match(call.Arg("text") ?? "") is { Success: true } match
                    && seen.TryAdd(match.Value, now))
                {
                    onCard(match.Value, now);
                }
            }

            Volatile.Write(ref scanned, calls.Count);
        }
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestId();
}
