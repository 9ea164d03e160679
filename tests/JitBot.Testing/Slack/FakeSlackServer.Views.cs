using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace JitBot.Testing.Slack;

/// <summary>User groups (<c>usergroups.users.list</c>) and modals (<c>views.open</c>: a trigger id opens one view, once).</summary>
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, string[]> _usergroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _usedTriggers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _openedViews = new();

    /// <summary>Sets the members (user ids) of the user group <paramref name="usergroupId"/>, e.g. <c>S0LEADS</c>.</summary>
    public void SetUsergroup(string usergroupId, params string[] userIds) => _usergroups[usergroupId] = userIds;

    /// <summary>The views opened so far (views.open calls that succeeded), oldest first, each with its <c>id</c>.</summary>
    public IReadOnlyList<JsonObject> OpenedViews() => _openedViews.Select(v => (JsonObject)v.DeepClone()).ToList();

    /// <summary>Waits for a view with <paramref name="callbackId"/> (matching <paramref name="match"/>, if given) to be opened.</summary>
    public Task<JsonObject> WaitForViewAsync(string callbackId, Func<JsonObject, bool>? match, TimeSpan timeout) =>
        WaitForAsync(() => OpenedViews().FirstOrDefault(v => v["callback_id"]?.GetValue<string>() == callbackId && (match is null || match(v))), timeout);

    private JsonObject UsergroupMembers(SlackApiCall call)
    {
        if (call.HttpMethod != "GET" || call.Json is not null)
        {
            return Error("invalid_arguments");
        }

        return call.Arg("usergroup") is { Length: > 0 } id && _usergroups.TryGetValue(id, out var members)
            ? new JsonObject { ["ok"] = true, ["users"] = new JsonArray(members.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()) }
            : Error("no_such_subteam");
    }

    private JsonObject OpenView(SlackApiCall call)
    {
        if (call.Arg("trigger_id") is not { Length: > 0 } trigger)
        {
            return Error("invalid_arguments");
        }

        if (call.View is not { } view)
        {
            return Error("invalid_arguments");
        }

        if (FakeSlackViewChecks.Check(view) is { } problem)
        {
            return new JsonObject { ["ok"] = false, ["error"] = "invalid_arguments", ["response_metadata"] = new JsonObject { ["messages"] = new JsonArray(problem) } };
        }

        if (!_usedTriggers.TryAdd(trigger, 0))
        {
            return Error("trigger_exchanged");
        }

        var opened = (JsonObject)view.DeepClone();
        opened["id"] = "V" + Interlocked.Increment(ref _sequence).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        opened["hash"] = "fake-hash";
        _openedViews.Enqueue(opened);
        return new JsonObject { ["ok"] = true, ["view"] = opened };
    }
}
