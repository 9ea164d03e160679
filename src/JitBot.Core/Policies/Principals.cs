namespace JitBot.Core.Policies;

/// <summary>Resolves the people a policy list (<c>user:</c>, <c>group:</c>, <c>*</c>) names.</summary>
public static class Principals
{
    public const string Anyone = "*";

    public static bool Includes(ResourcePolicy resource, IReadOnlyList<string> selectors, string email)
    {
        foreach (var selector in selectors)
        {
            if (selector == Anyone)
            {
                return true;
            }

            if (Expand(resource, selector).Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlySet<string> Resolve(ResourcePolicy resource, IReadOnlyList<string> selectors) =>
        selectors.SelectMany(selector => Expand(resource, selector)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsRequester(ResourcePolicy resource, string email) => Includes(resource, resource.Requesters, email);

    /// <summary>Everyone the policy names as approver; the requester is removed when deciding votes.</summary>
    public static IReadOnlySet<string> Approvers(ResourcePolicy resource) => Resolve(resource, resource.Approvers);

    private static IEnumerable<string> Expand(ResourcePolicy resource, string selector)
    {
        var colon = selector.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return [];
        }

        var kind = selector[..colon];
        var value = selector[(colon + 1)..];
        return kind switch
        {
            "user" => [value],
            "group" => resource.Groups.TryGetValue(value, out var members) ? members : [],
            _ => [],
        };
    }
}
