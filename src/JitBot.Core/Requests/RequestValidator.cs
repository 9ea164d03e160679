using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Policies;

namespace JitBot.Core.Requests;

/// <summary>Checks a parsed request against the policies and the global guardrails. Pure.</summary>
public static class RequestValidator
{
    public const int MaxReasonLength = 500;

    public static ValidatedRequest Validate(ChatCommand.Request command, string requesterEmail, PolicySet policies, JitOptions options)
    {
        var resource = policies.Find(command.Resource);
        if (resource is null)
        {
            return Refuse($"There is no resource '{CommandParser.Truncate(command.Resource)}' you can request. `resources` lists the ones you can.");
        }

        if (!Principals.IsRequester(resource, requesterEmail))
        {
            return Refuse($"You are not allowed to request {resource.Id}: the {resource.Team} team's policy does not list you as a requester.");
        }

        var role = resource.FindRole(command.Role);
        if (role is null)
        {
            var roles = string.Join(", ", resource.Roles.Keys);
            return Refuse(command.Role is null
                ? $"{resource.Id} has several roles ({roles}): name one."
                : $"{resource.Id} has no role '{CommandParser.Truncate(command.Role)}'. Its roles: {roles}.");
        }

        if (!Duration.TryParse(command.DurationText, out var duration))
        {
            return Refuse($"'{CommandParser.Truncate(command.DurationText)}' is not a duration: use a number and a unit, like 90s, 15m, 2h or 1d.");
        }

        var cap = role.MaxDuration < options.MaxDuration ? role.MaxDuration : options.MaxDuration;
        if (duration > cap)
        {
            return Refuse($"{Duration.Format(duration)} is longer than {resource.Id} {role.Name} allows: at most {Duration.Format(cap)}.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return Refuse("Say why you need access: a reason (e.g. a ticket) after the duration.");
        }

        if (command.Reason.Length > MaxReasonLength)
        {
            return Refuse($"The reason is too long: at most {MaxReasonLength} characters.");
        }

        if (options.RequireTicket is { } ticket && !MatchesTicket(ticket, command.Reason))
        {
            return Refuse($"The reason must name a ticket (matching {ticket}), e.g. INC-4312.");
        }

        return new ValidatedRequest(resource, role, duration, command.Reason.Trim(), null);

        static bool MatchesTicket(System.Text.RegularExpressions.Regex ticket, string reason)
        {
            try
            {
                return ticket.IsMatch(reason);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return false;
            }
        }

        static ValidatedRequest Refuse(string problem) => new(null, null, TimeSpan.Zero, "", problem + "\nUsage: " + Usage.Request);
    }
}
