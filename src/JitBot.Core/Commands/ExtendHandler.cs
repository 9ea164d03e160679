using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Core.Policies;
using JitBot.Core.Requests;

namespace JitBot.Core.Commands;

/// <summary>
/// <c>extend &lt;id&gt; &lt;duration&gt;</c>: the requester asks for more time on an active grant. The extension is a
/// request of its own, routed like any other (auto-approval rules apply); the total stays within maxDuration.
/// </summary>
public sealed class ExtendHandler(IRequestStore store, Routing routing, SubmitRequestHandler submit, JitOptions options)
{
    public async Task<CommandReply> HandleAsync(ChatContext context, ChatCommand.Extend command, CancellationToken cancellationToken)
    {
        var grant = await store.GetAsync(command.RequestId, cancellationToken);
        if (grant is null)
        {
            return new CommandReply($"There is no request {command.RequestId}.");
        }

        if (!grant.Requester.IsSameAs(context.Person.Email))
        {
            return new CommandReply($"Only the requester can extend {grant.Id}.");
        }

        if (grant.Extends is not null || grant.Status is not (RequestStatus.Active or RequestStatus.Approved) || grant.ExpiresAt is null)
        {
            return new CommandReply($"{grant.Id} is {AccessRequest.Describe(grant.Status)}; only an active grant can be extended.");
        }

        if (routing.Find(grant) is not { } found)
        {
            return new CommandReply($"{grant.Resource} {grant.Role} is no longer in any policy; it cannot be extended.");
        }

        // Within the role's maxDuration an extension is routed like a request; beyond it only approvers can give more
        // (no auto-approval), and never beyond the operator's Jit:MaxDuration.
        var roleLeft = found.Role.MaxDuration - grant.Duration;
        var left = options.MaxDuration - grant.Duration;
        var extra = TimeSpan.Zero;
        if (command.DurationText is null)
        {
            // The Extend button: as long again as first asked, within what the role allows.
            var first = grant.GrantedAt is { } grantedAt && grant.ExpiresAt is { } expiresAt ? Min(grant.Duration, expiresAt - grantedAt) : grant.Duration;
            extra = Min(first, roleLeft);
            if (extra <= TimeSpan.Zero)
            {
                return new CommandReply(
                    $"{grant.Id} already has the most {grant.Resource} {grant.Role} allows ({Duration.Format(found.Role.MaxDuration)}); " +
                    $"ask the approvers for more with `extend {grant.Id} <duration>`, or file a new request when it ends.");
            }
        }
        else if (!Duration.TryParse(command.DurationText, out extra))
        {
            return new CommandReply($"'{CommandParser.Truncate(command.DurationText)}' is not a duration: use 90s, 15m, 2h or 1d.\nUsage: {Usage.Extend}");
        }

        if (extra > left || extra <= TimeSpan.Zero)
        {
            return new CommandReply(left <= TimeSpan.Zero
                ? $"{grant.Id} already has the most any grant may have ({Duration.Format(options.MaxDuration)}); file a new request when it ends."
                : $"No grant may last more than {Duration.Format(options.MaxDuration)} in all: {grant.Id} can get at most {Duration.Format(left)} more.");
        }

        var beyondRole = extra > roleLeft;
        if (grant.LatestExtension is { } latest && grant.IsOpenExtension(await store.GetAsync(latest, cancellationToken)))
        {
            return new CommandReply($"{latest} already asks to extend {grant.Id}; wait until it is decided.");
        }

        // The grant holds the id of its open extension: of two Extend clicks at once, one files and the other is told.
        var number = await store.NextNumberAsync(cancellationToken);
        var reserved = await store.UpdateAsync(grant.Id, g => g.ReserveExtension(RequestIds.From(number), grant.LatestExtension), cancellationToken);
        if (reserved.After is null)
        {
            return new CommandReply(reserved.Refusal?.Message ?? $"There is no request {grant.Id}.");
        }

        var draft = submit.Draft(number, context, found.Resource, found.Role, extra, $"extend {grant.Id}: {grant.Reason}") with { Extends = grant.Id };
        var filed = await submit.FileAsync(
            draft,
            found.Resource,
            found.Role,
            $"extend {grant.Id} by {Duration.Format(extra)}" + (beyondRole ? $", beyond the role's {Duration.Format(found.Role.MaxDuration)}: approvers only" : ""),
            cancellationToken,
            autoApprove: !beyondRole);
        return beyondRole
            ? filed with { Text = filed.Text + $" It goes beyond the {Duration.Format(found.Role.MaxDuration)} {grant.Resource} {grant.Role} allows, so only the approvers can grant it." }
            : filed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
