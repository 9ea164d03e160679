using System.Globalization;
using System.Text.Json.Nodes;
using JitBot.Core.Common;
using JitBot.Core.Requests;

namespace JitBot.Teams.Cards;

/// <summary>
/// Renders a request as its Teams approval card (Adaptive Card 1.5): pure, from the request and its
/// <see cref="ApprovalCardContext"/>. While pending the shared card carries the Approve/Deny buttons
/// (<c>Action.Execute</c>, verbs <see cref="ApproveVerb"/>/<see cref="DenyVerb"/>, <c>data.requestId</c>; Deny first
/// opens a reason, <see cref="DenyReasonInput"/>, which goes with the <c>jit.deny</c> in its data), who is still
/// asked, and a <c>refresh</c> that turns it into each viewer's own view: buttons for an approver who may vote, the
/// status for everyone else. Once decided: the outcome and the deciders, no buttons, no refresh.
/// </summary>
internal static class ApprovalCard
{
    public const string ApproveVerb = "jit.approve";

    public const string DenyVerb = "jit.deny";

    public const string RefreshVerb = "jit.refresh";

    private const int MaxAskedShown = 10;

    public static JsonObject Render(AccessRequest request, ApprovalCardContext context)
    {
        var body = new JsonArray
        {
            AdaptiveCards.Heading($"JIT access request {request.Id}"),
            AdaptiveCards.Field("Requester", Person(request.Requester.DisplayName, request.Requester.Email)),
            AdaptiveCards.Field("Resource", request.Resource),
            AdaptiveCards.Field("Role", request.Role),
            AdaptiveCards.Field("Duration", Duration.Format(request.Duration)),
            AdaptiveCards.Field("Reason", request.Reason),
            AdaptiveCards.Field("Approvals", Approvals(request) + (request.StageName is { } stage ? $" (stage {request.Stage + 1} of {request.Stages.Count}: {stage})" : "")),
            AdaptiveCards.Field("Status", AccessRequest.Describe(request.Status)),
        };

        foreach (var vote in request.Votes)
        {
            body.Add(AdaptiveCards.Paragraph(AdaptiveCards.Run((vote.Approve ? "✅ approved by " : "❌ denied by ") + Person(vote.DisplayName, vote.Email))));
        }

        var pending = request.Status == RequestStatus.Pending;
        body.Add(AdaptiveCards.Paragraph(AdaptiveCards.Run(pending ? Waiting(request, context.Asked) : TeamsCardOutcome.Describe(request), bold: !pending)));
        if (ViewerNote(request, context) is { } note)
        {
            body.Add(AdaptiveCards.Paragraph(AdaptiveCards.Run(note, italic: true)));
        }

        body.Add(AdaptiveCards.Paragraph(AdaptiveCards.Run($"Request {request.Id} · filed {When(request.CreatedAt)}", subtle: true)));

        var card = AdaptiveCards.Card(Summary(request), body);
        if (pending)
        {
            card["refresh"] = AdaptiveCards.Refresh(RefreshVerb, request.Id, context.RefreshUserIds);
            if (context.Viewer is CardViewer.Everyone or CardViewer.Approver)
            {
                card["actions"] = new JsonArray(
                    AdaptiveCards.Execute("Approve", ApproveVerb, request.Id, "positive"),
                    AdaptiveCards.ShowCard(
                        "Deny",
                        "destructive",
                        new JsonArray(DenyReasonInput.Render()),
                        new JsonArray(AdaptiveCards.Execute("Deny", DenyVerb, request.Id, "destructive"))));
            }
        }

        return card;
    }

    public static string Approvals(AccessRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{request.Approvals.Count()} of {request.ApprovalsNeeded}");

    public static string Person(string displayName, string email) =>
        string.IsNullOrWhiteSpace(displayName) || string.Equals(displayName, email, StringComparison.OrdinalIgnoreCase)
            ? email
            : $"{displayName} ({email})";

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A one-line summary: the notification text and what old clients show.</summary>
    public static string Summary(AccessRequest request) =>
        $"JIT request {request.Id} from {request.Requester.Email}: {request.Resource} {request.Role} for {Duration.Format(request.Duration)}, " +
        $"{AccessRequest.Describe(request.Status)} ({Approvals(request)} approvals)";

    private static string Waiting(AccessRequest request, IReadOnlyList<string> asked)
    {
        var missing = Math.Max(0, request.ApprovalsNeeded - request.Approvals.Count());
        var what = missing == 1 ? "1 more approval" : $"{missing} more approvals";
        if (asked.Count == 0)
        {
            return $"⏳ Waiting for {what}.";
        }

        var shown = string.Join(", ", asked.Take(MaxAskedShown));
        var more = asked.Count > MaxAskedShown ? $" and {asked.Count - MaxAskedShown} more" : "";
        return $"⏳ Waiting for {what} from: {shown}{more}.";
    }

    private static string? ViewerNote(AccessRequest request, ApprovalCardContext context)
    {
        var pending = request.Status == RequestStatus.Pending;
        return context.Viewer switch
        {
            CardViewer.Approver when pending => "You are an approver of this request: approve or deny it.",
            CardViewer.Requester when pending => "This is your request: the approvers decide, and I'll message you when they do.",
            CardViewer.Voted => request.Votes.FirstOrDefault(v => string.Equals(v.Email, context.ViewerEmail, StringComparison.OrdinalIgnoreCase)) is { } vote
                ? $"You {(vote.Approve ? "approved" : "denied")} this request."
                : null,
            CardViewer.NotApprover when pending => $"Only the approvers of {request.Resource} can decide this request.",
            _ => null,
        };
    }
}
