using JitBot.Core.People;

namespace JitBot.Slack.Endpoints.Views;

/// <summary>One modal's submission handler, found by the view's <c>callback_id</c>.</summary>
internal interface ISlackViewHandler
{
    string CallbackId { get; }

    /// <summary>The input block a problem is shown under when the submission can't be handled at all.</summary>
    string ProblemBlockId { get; }

    Task<ViewAnswer> HandleAsync(Person submitter, SubmittedView view, CancellationToken cancellationToken);
}
