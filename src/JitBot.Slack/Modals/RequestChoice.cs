using JitBot.Core.Common;
using JitBot.Core.Policies;

namespace JitBot.Slack.Modals;

/// <summary>One resource and role a person may request, with the longest duration they may ask for.</summary>
internal sealed record RequestChoice(string Resource, string? Description, string Role, TimeSpan MaxDuration)
{
    /// <summary>The option value: <c>{resource} {role}</c>, the words the request command takes.</summary>
    public string Value => $"{Resource} {Role}";

    /// <summary>Every resource and role the policies let <paramref name="email"/> request, in a stable order. Pure.</summary>
    public static IReadOnlyList<RequestChoice> For(PolicySet policies, string email, JitOptions options) =>
        policies.Resources.Values
            .Where(resource => Principals.IsRequester(resource, email))
            .OrderBy(resource => resource.Id, StringComparer.Ordinal)
            .SelectMany(resource => resource.Roles.Values
                .OrderBy(role => role.Name, StringComparer.Ordinal)
                .Select(role => new RequestChoice(
                    resource.Id,
                    resource.Description,
                    role.Name,
                    role.MaxDuration < options.MaxDuration ? role.MaxDuration : options.MaxDuration)))
            .ToList();

    /// <summary>Reads an option value back into its resource and role; false for anything else.</summary>
    public static bool TryRead(string? value, out string resource, out string role)
    {
        var words = (value ?? "").Split(' ');
        (resource, role) = words is [{ Length: > 0 } r, { Length: > 0 } o] ? (r, o) : ("", "");
        return resource.Length > 0;
    }
}
