namespace JitBot.Core.Requests;

/// <summary>The outcome of a compare-and-set update: before and after, refused, or no such request.</summary>
public sealed record UpdateResult(AccessRequest? Before, AccessRequest? After, Refusal? Refusal)
{
    public bool NotFound => Before is null;

    public bool Succeeded => After is not null;
}
