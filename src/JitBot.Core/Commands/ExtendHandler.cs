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

        var cap = found.Role.MaxDuration < options.MaxDuration ? found.Role.MaxDuration : options.MaxDuration;
        var left = cap - grant.Duration;
        var extra = TimeSpan.Zero;
        if (command.DurationText is null)
        {
            // The Extend button: as long again as first asked, within what is left.
            var first = grant.GrantedAt is { } grantedAt && grant.ExpiresAt is { } expiresAt ? Min(grant.Duration, expiresAt - grantedAt) : grant.Duration;
            extra = Min(first, left);
        }
        else if (!Duration.TryParse(command.DurationText, out extra))
        {
            return new CommandReply($"'{CommandParser.Truncate(command.DurationText)}' is not a duration: use 90s, 15m, 2h or 1d.\nUsage: {Usage.Extend}");
        }
        if (extra > left || extra <= TimeSpan.Zero)
        {
            return new CommandReply(left <= TimeSpan.Zero
                ? $"{grant.Id} already has the most {grant.Resource} {grant.Role} allows ({Duration.Format(cap)}); file a new request when it ends."
                : $"{grant.Resource} {grant.Role} allows {Duration.Format(cap)} in all: {grant.Id} can get at most {Duration.Format(left)} more.");
        }

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
        return await submit.FileAsync(draft, found.Resource, found.Role, $"extend {grant.Id} by {Duration.Format(extra)}", cancellationToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
