using System.Text;
using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Core.Requests;

namespace JitBot.Core.Commands;

/// <summary><c>list</c>: my pending requests and active grants.</summary>
public sealed class ListHandler(IRequestStore store)
{
    public async Task<CommandReply> HandleAsync(ChatContext context, CancellationToken cancellationToken)
    {
        var open = (await store.ListByRequesterAsync(context.Person.Email, cancellationToken)).Where(r => r.IsOpen).ToList();
        if (open.Count == 0)
        {
            return new CommandReply("You have no pending requests and no active grants.");
        }

        var text = new StringBuilder("Your requests:");
        foreach (var r in open)
        {
            text.Append('\n').Append($"• {r.Id} {r.Resource} {r.Role} {Duration.Format(r.Duration)}: ");
            text.Append(r.Status switch
            {
                RequestStatus.Pending => $"pending, {r.Approvals.Count()} of {r.ApprovalsNeeded} approvals",
                RequestStatus.Approved => $"approved, being granted, until {Notices.When(r.ExpiresAt)}",
                _ => $"active until {Notices.When(r.ExpiresAt)}",
            });
        }

        return new CommandReply(text.ToString());
    }
}
