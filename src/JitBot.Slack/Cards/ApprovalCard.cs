using System.Globalization;
using System.Text.Json.Nodes;
using JitBot.Core.Common;
using JitBot.Core.Requests;
using JitBot.Slack.Api;

namespace JitBot.Slack.Cards;

/// <summary>
/// Renders a request as its Slack approval card: pure, from the request alone. Buttons while pending; once
/// decided, the outcome and the deciders instead. Block ids carry the version, fresh for every update.
/// </summary>
internal static class ApprovalCard
{
    public const string ApproveActionId = "jit.approve";

    public const string DenyActionId = "jit.deny";

    public static SlackMessage Render(AccessRequest request)
    {
        var key = $"jit-{request.Id}-v{request.Version.ToString(CultureInfo.InvariantCulture)}";
        var blocks = new JsonArray
        {
            BlockKit.Header($"JIT access request {request.Id}"),
            BlockKit.Fields($"{key}-fields", Fields(request)),
            BlockKit.Section($"{key}-reason", $"*Reason:*\n{Mrkdwn.Escape(request.Reason)}"),
        };

        if (request.Votes.Count > 0)
        {
            blocks.Add(BlockKit.Section($"{key}-votes", "*Votes so far:*\n" + string.Join('\n', request.Votes.Select(VoteLine))));
        }

        if (request.Status == RequestStatus.Pending)
        {
            blocks.Add(BlockKit.Actions(
                $"{key}-actions",
                BlockKit.Button(ApproveActionId, "Approve", request.Id, "primary"),
                BlockKit.Button(DenyActionId, "Deny", request.Id, "danger")));
        }
        else
        {
            blocks.Add(BlockKit.Section($"{key}-outcome", CardOutcome.Describe(request)));
        }

        blocks.Add(BlockKit.Context($"{key}-context", $"Request {request.Id} · filed {Mrkdwn.Date(request.CreatedAt)}"));
        return new SlackMessage(FallbackText(request), blocks);
    }

    /// <summary>The requester: a mention when they are a Slack user, else their email.</summary>
    public static string Requester(AccessRequest request) =>
        request.Requester.SlackUserId is { Length: > 0 } slackId ? Mrkdwn.Mention(slackId) : Mrkdwn.Escape(request.Requester.Email);

    public static string Approvals(AccessRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{request.Approvals.Count()} of {request.ApprovalsNeeded}");

    private static IEnumerable<(string, string)> Fields(AccessRequest request) =>
    [
        ("Requester", Requester(request)),
        ("Resource", Mrkdwn.Escape(request.Resource)),
        ("Role", Mrkdwn.Escape(request.Role)),
        ("Duration", Duration.Format(request.Duration)),
        ("Approvals", Approvals(request)),
        ("Status", AccessRequest.Describe(request.Status)),
    ];

    private static string VoteLine(Vote vote)
    {
        var mark = vote.Approve ? ":white_check_mark:" : ":x:";
        return $"{mark} {CardOutcome.Person(vote.DisplayName, vote.Email)}";
    }

    private static string FallbackText(AccessRequest request) =>
        $"JIT request {request.Id} from {Requester(request)}: {Mrkdwn.Escape(request.Resource)} {Mrkdwn.Escape(request.Role)} " +
        $"for {Duration.Format(request.Duration)}, {AccessRequest.Describe(request.Status)} ({Approvals(request)} approvals)";
}
