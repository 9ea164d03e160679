namespace JitBot.Teams.Activities;

/// <summary>A <c>mention</c> entity: the markup it occupies in <c>text</c> and who is mentioned.</summary>
internal sealed record Mention(string Text, string MentionedId, string? MentionedName);
