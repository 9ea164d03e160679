using System.Globalization;
using JitBot.Core.Requests;

namespace JitBot.Core.Grants;

/// <summary>What a connector is told about a request.</summary>
public static class GrantContexts
{
    public static GrantContext For(AccessRequest request) => new(
        request.Id,
        long.Parse(request.Id[RequestIds.Prefix.Length..], CultureInfo.InvariantCulture),
        request.Resource,
        request.Role,
        request.Requester.Email,
        request.Requester.SlackUserId,
        request.Requester.TeamsUserId,
        request.Reason,
        request.Votes.Where(v => v.Approve).Select(v => v.Email).ToList(),
        request.GrantedAt ?? request.CreatedAt,
        request.ExpiresAt ?? request.CreatedAt + request.Duration);
}
