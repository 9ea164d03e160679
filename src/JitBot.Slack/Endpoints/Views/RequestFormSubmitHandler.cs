using JitBot.Core.Chat;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Scheduling;
using JitBot.Slack.Modals;

namespace JitBot.Slack.Endpoints.Views;

/// <summary>
/// The request form's submission: the same words as <c>/jit request &lt;resource&gt; &lt;role&gt; &lt;duration&gt; &lt;reason&gt;</c>,
/// run by the core. A refusal keeps the form open with the problem under the input it is about; a filed request
/// closes it, and the core's answer is shown in the channel the command was typed in (after the HTTP answer).
/// </summary>
internal sealed class RequestFormSubmitHandler(ICommandRouter router, IWorkScheduler scheduler) : ISlackViewHandler
{
    public const string NoChoice = "Pick a resource and role.";

    public const string NoReason = "Say why you need access: a reason (e.g. a ticket).";

    public string CallbackId => RequestFormModal.CallbackId;

    public string ProblemBlockId => RequestFormModal.ChoiceBlockId;

    public async Task<ViewAnswer> HandleAsync(Person submitter, SubmittedView view, CancellationToken cancellationToken)
    {
        if (!RequestChoice.TryRead(Input(view, RequestFormModal.ChoiceBlockId), out var resource, out var role))
        {
            return ViewAnswer.Error(RequestFormModal.ChoiceBlockId, NoChoice);
        }

        var duration = Input(view, RequestFormModal.DurationBlockId);
        if (!Duration.TryParse(duration, out _))
        {
            return ViewAnswer.Error(RequestFormModal.DurationBlockId, RequestFormModal.DurationProblem(duration));
        }

        if (Input(view, RequestFormModal.ReasonBlockId) is not { Length: > 0 } reason)
        {
            return ViewAnswer.Error(RequestFormModal.ReasonBlockId, NoReason);
        }

        var channel = view.PrivateMetadata is { Length: > 0 } typedIn ? typedIn : submitter.PlatformUserId;
        var reply = await router.HandleAsync(new ChatContext(submitter, channel), $"request {resource} {role} {duration} {reason}", cancellationToken);
        if (!CoreAnswers.NamesNewRequest(reply.Text))
        {
            return ViewAnswer.Error(RequestFormModal.BlockFor(reply.Text), RequestFormModal.ErrorText(reply.Text));
        }

        var answer = new PrivateReply(Platform.Slack, channel, submitter.PlatformUserId, reply.Text);
        await scheduler.EnqueueAsync(new Work.Reply(answer), cancellationToken);
        return ViewAnswer.Close;
    }

    private static string? Input(SubmittedView view, string blockId) =>
        view.Input(blockId, RequestFormModal.InputActionId)?.Trim() is { Length: > 0 } text ? text : null;
}
