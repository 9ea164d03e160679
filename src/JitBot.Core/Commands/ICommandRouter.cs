namespace JitBot.Core.Commands;

/// <summary>Runs the words after <c>/jit</c> (or <c>@JitBot</c>) for a person and answers them.</summary>
public interface ICommandRouter
{
    Task<CommandReply> HandleAsync(ChatContext context, string text, CancellationToken cancellationToken);
}
