using System.Text;
using JitBot.Core.Audit;
using JitBot.Core.Common;

namespace JitBot.Core.Commands;

/// <summary><c>audit [user:] [resource:] [since:]</c>: recent audit events, for admins only.</summary>
public sealed class AuditQueryHandler(IAuditLog log, JitOptions options, TimeProvider time)
{
    private const int Limit = 30;

    public async Task<CommandReply> HandleAsync(ChatContext context, ChatCommand.Audit command, CancellationToken cancellationToken)
    {
        if (!options.IsAdmin(context.Person.Email))
        {
            return new CommandReply("Only admins (Jit:Admins) can read the audit trail here.");
        }

        var since = time.GetUtcNow() - (command.Since ?? TimeSpan.FromDays(1));
        var events = await log.QueryAsync(new AuditQuery(command.User, command.Resource, Since: since, Limit: Limit), cancellationToken);
        if (events.Count == 0)
        {
            return new CommandReply("No audit events match.");
        }

        var text = new StringBuilder($"The last {events.Count} audit event{(events.Count == 1 ? "" : "s")}:");
        foreach (var e in events)
        {
            text.Append('\n').Append(AuditLine.Format(e));
        }

        return new CommandReply(text.ToString());
    }
}
