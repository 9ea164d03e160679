using JitBot.Core.Common;
using JitBot.Core.Requests;

namespace JitBot.Core.Commands;

/// <summary>Turns the words after <c>/jit</c> into a command. Pure: no policy, no store.</summary>
public static class CommandParser
{
    private static readonly char[] Separators = [' ', '\t', '\n', '\r', '\u00a0'];

    public static ChatCommand Parse(string? text)
    {
        var words = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new ChatCommand.Help();
        }

        var rest = words[1..];
        return words[0].ToLowerInvariant() switch
        {
            "request" => ParseRequest(rest),
            "list" => new ChatCommand.List(),
            "pending" => new ChatCommand.Pending(),
            "approve" => WithId(rest, Usage.Approve, id => new ChatCommand.Approve(id), allowMore: false),
            "deny" => WithId(rest, Usage.Deny, id => new ChatCommand.Deny(id, rest.Length > 1 ? string.Join(' ', rest[1..]) : null), allowMore: true),
            "cancel" => WithId(rest, Usage.Cancel, id => new ChatCommand.Cancel(id), allowMore: false),
            "revoke" => WithId(rest, Usage.Revoke, id => new ChatCommand.Revoke(id), allowMore: false),
            "extend" => rest.Length is 1 or 2
                ? WithId(rest[..1], Usage.Extend, id => new ChatCommand.Extend(id, rest.Length == 2 ? rest[1] : null), allowMore: false)
                : new ChatCommand.Invalid("Say which grant and how much more time.", Usage.Extend),
            "resources" => new ChatCommand.Resources(),
            "audit" => ParseAudit(rest),
            "help" => new ChatCommand.Help(),
            _ => new ChatCommand.Invalid($"I don't know the command '{Truncate(words[0])}'.", Usage.All),
        };
    }

    private static ChatCommand ParseRequest(string[] words)
    {
        if (words.Length == 0)
        {
            return new ChatCommand.OpenForm();
        }

        if (words.Length == 1)
        {
            return new ChatCommand.Invalid("A request needs a duration and a reason.", Usage.Request);
        }

        var resource = words[0];
        var durationIndex = Duration.TryParse(words[1], out _) ? 1 : 2;
        if (durationIndex >= words.Length)
        {
            return new ChatCommand.Invalid("A request needs a duration and a reason.", Usage.Request);
        }

        var role = durationIndex == 2 ? words[1] : null;
        var reason = string.Join(' ', words[(durationIndex + 1)..]);
        return new ChatCommand.Request(resource, role, words[durationIndex], reason);
    }

    private static ChatCommand ParseAudit(string[] words)
    {
        string? user = null, resource = null;
        TimeSpan? since = null;
        foreach (var word in words)
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            var (key, value) = colon > 0 ? (word[..colon].ToLowerInvariant(), word[(colon + 1)..]) : ("", word);
            switch (key)
            {
                case "user" when value.Contains('@', StringComparison.Ordinal):
                    user = value;
                    break;
                case "resource" when value.Length > 0:
                    resource = value;
                    break;
                case "since" when Duration.TryParse(value, out var duration):
                    since = duration;
                    break;
                default:
                    return new ChatCommand.Invalid($"'{Truncate(word)}' is not a filter.", Usage.Audit);
            }
        }

        return new ChatCommand.Audit(user, resource, since);
    }

    private static ChatCommand WithId(string[] words, string usage, Func<string, ChatCommand> make, bool allowMore)
    {
        if (words.Length == 0)
        {
            return new ChatCommand.Invalid("Which request? Give its id.", usage);
        }

        if (!RequestIds.TryNormalize(words[0], out var id))
        {
            return new ChatCommand.Invalid($"'{Truncate(words[0])}' is not a request id (they look like JIT-1042).", usage);
        }

        return words.Length > 1 && !allowMore
            ? new ChatCommand.Invalid("Too many words.", usage)
            : make(id);
    }

    internal static string Truncate(string word) => word.Length <= 40 ? word : word[..40] + "…";
}
