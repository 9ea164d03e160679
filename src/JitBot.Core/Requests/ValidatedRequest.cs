using System.Diagnostics.CodeAnalysis;
using JitBot.Core.Policies;

namespace JitBot.Core.Requests;

/// <summary>A request that passed the policy checks, or the problem that stopped it.</summary>
public sealed record ValidatedRequest(ResourcePolicy? Resource, RolePolicy? Role, TimeSpan Duration, string Reason, string? Problem)
{
    [MemberNotNullWhen(true, nameof(Resource), nameof(Role))]
    public bool IsValid => Problem is null;
}
