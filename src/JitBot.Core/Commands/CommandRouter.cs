using JitBot.Core.Lifecycle;

namespace JitBot.Core.Commands;

/// <summary>Parses the words and hands each command to its own handler.</summary>
public sealed class CommandRouter(
    SubmitRequestHandler submit,
    VoteHandler votes,
    CancelHandler cancel,
    EarlyRevokeHandler revoke,
    ListHandler list,
    PendingHandler pending,
    ResourcesHandler resources,
    ExtendHandler extend,
    AuditQueryHandler audit) : ICommandRouter
{
    public async Task<CommandReply> HandleAsync(ChatContext context, string text, CancellationToken cancellationToken) =>
        CommandParser.Parse(text) switch
        {
            ChatCommand.Request c => await submit.HandleAsync(context, c, cancellationToken),
            ChatCommand.OpenForm => new CommandReply("The request form is not available here yet. Type it out:\nUsage: " + Usage.Request),
            ChatCommand.Approve c => Reply(await votes.VoteAsync(context, c.RequestId, approve: true, reason: null, cancellationToken)),
            ChatCommand.Deny c => Reply(await votes.VoteAsync(context, c.RequestId, approve: false, c.Reason, cancellationToken)),
            ChatCommand.Cancel c => await cancel.HandleAsync(context, c.RequestId, cancellationToken),
            ChatCommand.Revoke c => await revoke.HandleAsync(context, c.RequestId, cancellationToken),
            ChatCommand.Extend c => await extend.HandleAsync(context, c, cancellationToken),
            ChatCommand.List => await list.HandleAsync(context, cancellationToken),
            ChatCommand.Pending => await pending.HandleAsync(context, cancellationToken),
            ChatCommand.Resources => resources.Handle(context),
            ChatCommand.Audit c => await audit.HandleAsync(context, c, cancellationToken),
            ChatCommand.Invalid c => new CommandReply($"{c.Problem}\nUsage: {c.Usage}"),
            _ => new CommandReply(Usage.All),
        };

    private static CommandReply Reply(VoteOutcome outcome) => new(outcome.Message);
}
