using System.Text.RegularExpressions;
using JitBot.Core.Common;

namespace JitBot.Core.Policies;

/// <summary>What a role name may be: a plain identifier that never looks like a duration.</summary>
public static partial class RoleNames
{
    public static bool IsValid(string name) => Identifier().IsMatch(name) && !Duration.TryParse(name, out _);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex Identifier();
}
