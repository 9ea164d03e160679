using System.Text;
using JitBot.Core.Common;
using JitBot.Core.Policies;

namespace JitBot.Core.Commands;

/// <summary><c>resources</c>: what I may request, with roles and limits.</summary>
public sealed class ResourcesHandler(IPolicyProvider policies, JitOptions options)
{
    public CommandReply Handle(ChatContext context)
    {
        var mine = policies.Current.Resources.Values
            .Where(r => Principals.IsRequester(r, context.Person.Email))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        if (mine.Count == 0)
        {
            return new CommandReply("No policy lets you request anything yet. Ask the team that owns the system to add you as a requester.");
        }

        var text = new StringBuilder("You can request:");
        foreach (var resource in mine)
        {
            text.Append('\n').Append($"• {resource.Id}");
            if (resource.Description is not null)
            {
                text.Append($" ({resource.Description})");
            }

            var roles = resource.Roles.Values.Select(role =>
            {
                var cap = role.MaxDuration < options.MaxDuration ? role.MaxDuration : options.MaxDuration;
                return $"{role.Name}: up to {Duration.Format(cap)}, {role.Approvals} approval{(role.Approvals == 1 ? "" : "s")}";
            });
            text.Append(": ").Append(string.Join("; ", roles));
        }

        return new CommandReply(text.ToString());
    }
}
