using JitBot.Core.Commands;

namespace JitBot.Core.Lifecycle;

/// <summary>
/// An approve or deny click. A refused click is answered privately by the handler itself
/// (a <c>Work.Reply</c> to the clicker); the adapter only acknowledges the HTTP request.
/// </summary>
public interface IVoteHandler
{
    Task<VoteOutcome> HandleAsync(ChatContext voter, string requestId, bool approve, string? reason, CancellationToken cancellationToken);

    /// <summary>The same vote, leaving the answer to a refused one to the caller (Teams: in the invoke response).</summary>
    Task<VoteOutcome> VoteAsync(ChatContext voter, string requestId, bool approve, string? reason, CancellationToken cancellationToken);
}
