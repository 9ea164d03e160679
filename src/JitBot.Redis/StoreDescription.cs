namespace JitBot.Redis;

/// <summary>
/// Which store the bot uses and why, for the start-up log. <see cref="IsDurable"/> false (the embedded
/// in-memory store) deserves a warning. <see cref="Text"/> never contains a password.
/// </summary>
public sealed record StoreDescription(bool IsDurable, string Text)
{
    public override string ToString() => Text;
}
