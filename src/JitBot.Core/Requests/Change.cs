namespace JitBot.Core.Requests;

/// <summary>The result of asking the aggregate for a change: the new state, or why not.</summary>
public sealed record Change(AccessRequest? Next, Refusal? Refusal)
{
    public static Change To(AccessRequest next) => new(next, null);

    public static Change Refused(RefusalReason reason, string message) => new(null, new Refusal(reason, message));

    public bool IsRefused => Refusal is not null;
}
