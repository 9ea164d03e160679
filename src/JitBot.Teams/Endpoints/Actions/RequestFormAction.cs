using System.Text.RegularExpressions;
using JitBot.Core.Commands;
using JitBot.Teams.Activities;
using JitBot.Teams.Cards;

namespace JitBot.Teams.Endpoints.Actions;

/// <summary>
/// The request form's <c>jit.request</c>: files what the form says through the same router as a typed
/// <c>request …</c>. Filed: the form gives way (for the submitter) to what was filed. Refused: the core's answer as a
/// message only the submitter sees, the form left as it was to correct.
/// </summary>
internal sealed partial class RequestFormAction(ICommandRouter router) : ITeamsCardAction
{
    public string Verb => RequestFormCard.SubmitVerb;

    public bool NeedsRequestId => false;

    public async Task<InvokeResponse> HandleAsync(CardActionContext action, CancellationToken cancellationToken)
    {
        if (RequestFormCard.CommandOf(action.Data) is not { } command)
        {
            return InvokeResponse.Message("Please pick a resource and role, and give a duration and a reason.");
        }

        var reply = await router.HandleAsync(action.Chat, command, cancellationToken);
        return RequestIdPattern().IsMatch(reply.Text) && reply.Text.Contains(" filed", StringComparison.Ordinal)
            ? InvokeResponse.Card(RequestFormCard.Filed(reply.Text))
            : InvokeResponse.Message(reply.Text);
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestIdPattern();
}
