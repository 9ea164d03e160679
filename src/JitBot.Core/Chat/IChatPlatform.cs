using JitBot.Core.Common;
using JitBot.Core.People;
using JitBot.Core.Requests;

namespace JitBot.Core.Chat;

/// <summary>What the core asks of a chat platform. Adapters render the request in their own card format.</summary>
public interface IChatPlatform
{
    Platform Platform { get; }

    /// <summary>Posts the approval card for the request to a channel and returns where it is.</summary>
    Task<CardRef> PostApprovalCardAsync(string channel, AccessRequest request, CancellationToken cancellationToken);

    /// <summary>Rewrites a posted card to show the request as it is now.</summary>
    Task UpdateApprovalCardAsync(CardRef card, AccessRequest request, CancellationToken cancellationToken);

    /// <summary>Sends a direct message to a person of this platform.</summary>
    Task SendDirectMessageAsync(Person person, string text, CancellationToken cancellationToken);

    /// <summary>Tells the requester their grant ends soon, with a way to extend it (Slack: an Extend button, <c>jit.extend</c>).</summary>
    Task SendExpiryReminderAsync(AccessRequest grant, string text, CancellationToken cancellationToken);

    /// <summary>Shows a message to one person only, where they acted (Slack: ephemeral).</summary>
    Task ReplyPrivatelyAsync(PrivateReply reply, CancellationToken cancellationToken);

    /// <summary>Posts a short text to a channel (a reminder to the approvers of a request).</summary>
    Task PostToChannelAsync(string channel, string text, CancellationToken cancellationToken);

    /// <summary>Posts one audit line to the platform's audit channel, if one is configured.</summary>
    Task PostAuditLineAsync(string text, CancellationToken cancellationToken);
}
