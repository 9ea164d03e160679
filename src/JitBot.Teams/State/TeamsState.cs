using JitBot.Core.Chat;
using JitBot.Teams.Activities;
using Microsoft.Extensions.Options;

namespace JitBot.Teams.State;

/// <summary>
/// What the Teams adapter remembers across restarts and instances, in <see cref="IPlatformStateStore"/>: per Entra
/// object id the user's <c>29:</c> id, tenant and last <c>serviceUrl</c> (and the 1:1 chat once there is one), per
/// email the object id, and the last <c>serviceUrl</c> per conversation, per tenant and overall.
/// </summary>
internal sealed class TeamsState(IPlatformStateStore store, IOptions<TeamsOptions> options)
{
    private const string Prefix = "teams:";

    /// <summary>Keeps what an authenticated activity says about its sender, tenant and conversation.</summary>
    public async Task RememberAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        await store.SetAsync(Prefix + "serviceUrl", activity.ServiceUrl, cancellationToken);
        await store.SetAsync(ConversationKey(activity.ConversationId), activity.ServiceUrl, cancellationToken);
        if (activity.TenantId is { Length: > 0 } tenant)
        {
            await store.SetAsync(TenantKey(tenant), activity.ServiceUrl, cancellationToken);
        }

        if (activity.From is { AadObjectId: { Length: > 0 } aad, Id: var userId } && userId.StartsWith("29:", StringComparison.Ordinal))
        {
            var reference = new TeamsUserRef(userId, activity.TenantId, activity.ServiceUrl);
            await store.SetAsync(UserKey(aad), reference.ToJson(), cancellationToken);
            if (activity.IsPersonal)
            {
                await store.SetAsync(DirectKey(aad), activity.ConversationId, cancellationToken);
            }
        }
    }

    public async Task<TeamsUserRef?> FindUserAsync(string aadObjectId, CancellationToken cancellationToken) =>
        TeamsUserRef.FromJson(await store.GetAsync(UserKey(aadObjectId), cancellationToken));

    public Task RememberEmailAsync(string email, string aadObjectId, CancellationToken cancellationToken) =>
        store.SetAsync(EmailKey(email), aadObjectId, cancellationToken);

    /// <summary>The <c>29:</c> id of the Teams user with this email, if they have been seen.</summary>
    public async Task<string?> FindUserIdByEmailAsync(string email, CancellationToken cancellationToken) =>
        await store.GetAsync(EmailKey(email), cancellationToken) is { Length: > 0 } aad
            ? (await FindUserAsync(aad, cancellationToken))?.UserId
            : null;

    public Task<string?> FindDirectConversationAsync(string aadObjectId, CancellationToken cancellationToken) =>
        store.GetAsync(DirectKey(aadObjectId), cancellationToken);

    public Task RememberDirectConversationAsync(string aadObjectId, string conversationId, CancellationToken cancellationToken) =>
        store.SetAsync(DirectKey(aadObjectId), conversationId, cancellationToken);

    /// <summary>
    /// The Bot Connector base for a conversation: the last seen in it, else the last seen for <c>Teams:TenantId</c>,
    /// else the last seen at all, else <c>Teams:ServiceUrl</c>.
    /// </summary>
    public async Task<string> ServiceUrlForAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(ConversationKey(conversationId), cancellationToken) is { Length: > 0 } seen)
        {
            return seen;
        }

        var tenant = options.Value.TenantId;
        if (!string.IsNullOrWhiteSpace(tenant) && await store.GetAsync(TenantKey(tenant.Trim()), cancellationToken) is { Length: > 0 } tenantUrl)
        {
            return tenantUrl;
        }

        return await store.GetAsync(Prefix + "serviceUrl", cancellationToken) is { Length: > 0 } last ? last : options.Value.EffectiveServiceUrl;
    }

    private static string UserKey(string aad) => Prefix + "user:" + aad.ToLowerInvariant();

    private static string DirectKey(string aad) => Prefix + "dm:" + aad.ToLowerInvariant();

    private static string EmailKey(string email) => Prefix + "email:" + email.Trim().ToLowerInvariant();

    private static string TenantKey(string tenant) => Prefix + "tenant:" + tenant.ToLowerInvariant() + ":serviceUrl";

    private static string ConversationKey(string conversationId) => Prefix + "conversation:" + TeamsActivity.BaseOf(conversationId) + ":serviceUrl";
}
