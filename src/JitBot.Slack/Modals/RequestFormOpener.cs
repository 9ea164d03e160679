using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Policies;
using JitBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace JitBot.Slack.Modals;

/// <summary><c>/jit request</c> with no arguments: opens the request form with what the person may request.</summary>
internal sealed partial class RequestFormOpener(SlackApiClient api, IPolicyProvider policies, JitOptions options, ILogger<RequestFormOpener> logger)
{
    public const string NothingToRequest =
        "No policy lets you request anything yet. Ask the team that owns the system to add you as a requester.";

    /// <summary>Opens the form; null when it is open, else what to tell the person instead.</summary>
    public async Task<string?> OpenAsync(Person person, string? triggerId, string channelId, CancellationToken cancellationToken)
    {
        var choices = RequestChoice.For(policies.Current, person.Email, options);
        if (choices.Count == 0)
        {
            return NothingToRequest;
        }

        if (string.IsNullOrEmpty(triggerId))
        {
            return "I can't open the request form from here. Type it out:\nUsage: " + Usage.Request;
        }

        try
        {
            await api.OpenViewAsync(triggerId, RequestFormModal.Render(choices, channelId), cancellationToken);
            return null;
        }
        catch (SlackApiException ex)
        {
            Log.FormFailed(logger, person.PlatformUserId, ex.Error);
            return $"I couldn't open the request form ({ex.Error}). Type it out instead:\nUsage: {Usage.Request}";
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3801, Level = LogLevel.Warning, Message = "Could not open the request form for {UserId}: {Error}")]
        public static partial void FormFailed(ILogger logger, string userId, string error);
    }
}
