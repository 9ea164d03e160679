using JitBot.Core.People;

namespace JitBot.Teams.People;

/// <summary>A Teams user as the core knows them, or the reason (in words for that user) they can't be known.</summary>
internal sealed record TeamsPersonLookup(Person? Person, string? Problem)
{
    public static TeamsPersonLookup Found(Person person) => new(person, null);

    public static TeamsPersonLookup Failed(string problem) => new(null, problem);
}
