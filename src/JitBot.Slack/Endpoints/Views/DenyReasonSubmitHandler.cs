using JitBot.Core.Commands;
using JitBot.Core.Lifecycle;
using JitBot.Core.People;
using JitBot.Slack.Modals;

namespace JitBot.Slack.Endpoints.Views;

/// <summary>
/// The deny modal's submission: a deny vote with the reason, by the submitter. A refused vote (not an approver,
/// already decided, one's own request) keeps the modal open with the refusal under the reason; a counted one closes it.
/// </summary>
internal sealed class DenyReasonSubmitHandler(IVoteHandler votes) : ISlackViewHandler
{
    public const string NoReason = "Say why you deny it: the requester will see your reason.";

    public string CallbackId => DenyReasonModal.CallbackId;

    public string ProblemBlockId => DenyReasonModal.ReasonBlockId;

    public async Task<ViewAnswer> HandleAsync(Person submitter, SubmittedView view, CancellationToken cancellationToken)
    {
        if (!DenyReasonModal.TryReadMetadata(view.PrivateMetadata, out var requestId, out var channelId))
        {
            return ViewAnswer.Error(ProblemBlockId, "This form has lost its request. Deny with /jit deny <id> <reason> instead.");
        }

        var reason = view.Input(DenyReasonModal.ReasonBlockId, DenyReasonModal.ReasonActionId)?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return ViewAnswer.Error(ProblemBlockId, NoReason);
        }

        if (reason.Length > DenyReasonModal.MaxReason)
        {
            return ViewAnswer.Error(ProblemBlockId, $"The reason is too long: at most {DenyReasonModal.MaxReason} characters.");
        }

        var outcome = await votes.VoteAsync(new ChatContext(submitter, channelId), requestId, approve: false, reason, cancellationToken);
        return outcome.Counted ? ViewAnswer.Close : ViewAnswer.Error(ProblemBlockId, outcome.Message);
    }
}
