namespace JitBot.Core.Policies;

/// <summary>
/// The people a policy list names. Static selectors (<c>user:</c>, <c>group:</c>, <c>owner</c>, <c>*</c>) are
/// resolved here; dynamic ones (<c>slack-usergroup:</c>, <c>oncall:</c>) by an <see cref="IPrincipalSource"/>.
/// </summary>
public static class Principals
{
    public const string Anyone = "*";
    public const string Owner = "owner";

    public static readonly IReadOnlySet<string> DynamicKinds = new HashSet<string>(StringComparer.Ordinal) { "slack-usergroup", "oncall" };

    public static bool IsRequester(ResourcePolicy resource, string email) =>
        resource.Requesters.Contains(Anyone) || Resolve(resource, resource.Requesters).Contains(email);

    /// <summary>Everyone the static selectors name as approver; the requester is removed when deciding votes.</summary>
    public static IReadOnlySet<string> Approvers(ResourcePolicy resource) => Resolve(resource, resource.Approvers);

    public static IReadOnlySet<string> Resolve(ResourcePolicy resource, IEnumerable<string> selectors) =>
        selectors.SelectMany(selector => Expand(resource, selector)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Splits <c>kind:value</c>; <c>owner</c> and <c>*</c> have no value.</summary>
    public static (string Kind, string Value) Split(string selector)
    {
        var colon = selector.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (selector, "") : (selector[..colon], selector[(colon + 1)..]);
    }

    public static bool IsDynamic(string selector) => DynamicKinds.Contains(Split(selector).Kind);

    private static IEnumerable<string> Expand(ResourcePolicy resource, string selector)
    {
        var (kind, value) = Split(selector);
        return kind switch
        {
            "user" => [value],
            "group" => resource.Groups.TryGetValue(value, out var members) ? members : [],
            Owner => resource.Owners,
            _ => [],
        };
    }
}
