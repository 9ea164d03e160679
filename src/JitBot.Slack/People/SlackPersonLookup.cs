using JitBot.Core.People;

namespace JitBot.Slack.People;

/// <summary>A Slack user as the core knows them, or the reason (in words for that user) they can't be known.</summary>
internal sealed record SlackPersonLookup(Person? Person, string? Problem)
{
    public static SlackPersonLookup Found(Person person) => new(person, null);

    public static SlackPersonLookup Failed(string problem) => new(null, problem);
}
