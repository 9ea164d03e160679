namespace JitBot.Teams.Activities;

/// <summary>A party of an activity: <c>29:…</c> for a user (with its Entra object id), <c>28:…</c> for a bot.</summary>
internal sealed record ChannelAccount(string Id, string? Name, string? AadObjectId);
