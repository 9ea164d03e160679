using System.Text;
using JitBot.Core.Common;
using JitBot.Core.Policies;
using JitBot.Core.Requests;

namespace JitBot.Core.Commands;

/// <summary><c>pending</c>: requests waiting for my decision.</summary>
public sealed class PendingHandler(IRequestStore store, Routing routing)
{
    public async Task<CommandReply> HandleAsync(ChatContext context, CancellationToken cancellationToken)
    {
        var email = context.Person.Email;
        var waiting = new List<AccessRequest>();
        foreach (var r in (await store.ListByStatusAsync(RequestStatus.Pending, cancellationToken)).OrderBy(r => r.CreatedAt))
        {
            if (!r.Requester.IsSameAs(email)
                && !r.Votes.Any(v => string.Equals(v.Email, email, StringComparison.OrdinalIgnoreCase))
                && (await routing.CurrentApproversAsync(r, cancellationToken))?.Contains(email) == true)
            {
                waiting.Add(r);
            }
        }

        if (waiting.Count == 0)
        {
            return new CommandReply("Nothing is waiting for your decision.");
        }

        var text = new StringBuilder("Waiting for your decision:");
        foreach (var r in waiting)
        {
            text.Append('\n').Append($"• {r.Id} {r.Requester.Email}: {r.Resource} {r.Role} for {Duration.Format(r.Duration)}, {r.Approvals.Count()} of {r.ApprovalsNeeded} approvals. Reason: {r.Reason}");
        }

        return new CommandReply(text.Append("\n`approve <id>` or `deny <id> <reason>`.").ToString());
    }
}
