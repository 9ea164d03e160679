using System.Text.Json.Nodes;
using JitBot.Core.Chat;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Lifecycle;
using JitBot.Core.People;
using JitBot.Core.Policies;
using JitBot.Teams.Activities;
using JitBot.Teams.Api;
using JitBot.Teams.Cards;
using JitBot.Teams.Chat;
using JitBot.Teams.People;
using Microsoft.Extensions.Logging;

namespace JitBot.Teams.Endpoints;

/// <summary>
/// A <c>message</c> activity: a command (<c>@JitBot request …</c> in a channel or group chat, <c>request …</c> in
/// the 1:1 chat), answered in the same thread or chat through the connector before the HTTP answer (Teams has no
/// ephemeral messages). <c>request</c> alone gets the request form card. An <c>Action.Submit</c> from a client too
/// old for <c>Action.Execute</c> is counted like a click.
/// </summary>
internal sealed partial class TeamsMessageHandler(
    TeamsDirectory directory,
    ICommandRouter router,
    IVoteHandler votes,
    BotConnectorClient connector,
    TeamsChatPlatform chat,
    IPolicyProvider policies,
    JitOptions options,
    ILogger<TeamsMessageHandler> logger)
{
    public const string FailureText = "Sorry, something went wrong while handling that command. Please try again in a moment.";

    public const string NothingToRequest =
        "No policy lets you request anything yet. Ask the team that owns the system to add you as a requester.";

    public static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(5);

    public async Task HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var text = MentionText.CommandOf(activity);
        if (text.Length == 0 && SubmittedVote(activity) is { } vote)
        {
            await VoteAsync(activity, vote, cancellationToken);
            return;
        }

        string answer;
        try
        {
            var lookup = await directory.FindSenderAsync(activity, LookupBudget, cancellationToken);
            if (lookup.Person is { } person && CommandParser.Parse(text) is ChatCommand.OpenForm)
            {
                if (Form(person) is { } form)
                {
                    await ReplyAsync(activity, OutboundActivity.Card(form), cancellationToken);
                    return;
                }

                answer = NothingToRequest;
            }
            else
            {
                answer = lookup.Person is { } sender
                    ? (await router.HandleAsync(new ChatContext(sender, activity.ConversationId), text, cancellationToken)).Text
                    : lookup.Problem ?? TeamsDirectory.NoEmailProblem;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CommandFailed(logger, activity.From?.AadObjectId ?? "?", ex);
            answer = FailureText;
        }

        var reply = activity.IsPersonal || activity.From is null
            ? OutboundActivity.Text(answer)
            : OutboundActivity.TextMentioning(activity.From, answer);
        await ReplyAsync(activity, reply, cancellationToken);
    }

    /// <summary>The request form with what <paramref name="person"/> may request; null when that is nothing.</summary>
    private JsonObject? Form(Person person)
    {
        var mine = policies.Current.Resources.Values.Where(r => Principals.IsRequester(r, person.Email)).ToList();
        return mine.Count == 0 ? null : RequestFormCard.Render(mine, options.MaxDuration);
    }

    private async Task VoteAsync(TeamsActivity activity, SubmittedClick vote, CancellationToken cancellationToken)
    {
        var lookup = await directory.FindSenderAsync(activity, LookupBudget, cancellationToken);
        if (lookup.Person is not { } person)
        {
            return;
        }

        var outcome = vote.Problem is { } problem
            ? new VoteOutcome(false, problem)
            : await votes.VoteAsync(new ChatContext(person, activity.ConversationId), vote.RequestId, vote.Approve, vote.Reason, cancellationToken);
        if (!outcome.Counted)
        {
            await chat.ReplyPrivatelyAsync(new PrivateReply(Platform.Teams, activity.ConversationId, person.PlatformUserId, outcome.Message), cancellationToken);
        }
    }

    private async Task ReplyAsync(TeamsActivity activity, JsonObject reply, CancellationToken cancellationToken)
    {
        try
        {
            if (activity.Id is { Length: > 0 } replyTo)
            {
                reply["replyToId"] = replyTo;
                await connector.ReplyAsync(activity.ServiceUrl, activity.ConversationId, replyTo, reply, cancellationToken);
            }
            else
            {
                await connector.SendAsync(activity.ServiceUrl, activity.ConversationId, reply, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReplyFailed(logger, activity.ConversationId, ex);
        }
    }

    /// <summary>The <c>Action.Submit</c> fallback of a card button: <c>value = {verb, requestId}</c>, and a deny's <c>reason</c>.</summary>
    private static SubmittedClick? SubmittedVote(TeamsActivity activity)
    {
        if (activity.Value is not JsonObject value || value["requestId"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }

        var requestId = value["requestId"]!.GetValue<string>().Trim();
        var verb = value["verb"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value["verb"]!.GetValue<string>() : null;
        if (requestId.Length == 0)
        {
            return null;
        }

        var (reason, problem) = DenyReasonInput.Read(value);
        return verb switch
        {
            ApprovalCard.ApproveVerb => new SubmittedClick(requestId, true, null, null),
            ApprovalCard.DenyVerb => new SubmittedClick(requestId, false, reason, problem),
            _ => null,
        };
    }

    private sealed record SubmittedClick(string RequestId, bool Approve, string? Reason, string? Problem);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4411, Level = LogLevel.Error, Message = "A Teams command from {AadObjectId} failed")]
        public static partial void CommandFailed(ILogger logger, string aadObjectId, Exception exception);

        [LoggerMessage(EventId = 4412, Level = LogLevel.Warning, Message = "Could not answer a Teams command in {Conversation}")]
        public static partial void ReplyFailed(ILogger logger, string conversation, Exception exception);
    }
}
