namespace JitBot.Core.Grants;

/// <summary>
/// What a grant gave: for connectors that make credentials, the secret the requester gets in a DM
/// and nowhere else.
/// </summary>
public sealed record GrantResult(string? SecretForRequester = null)
{
    public static GrantResult Done { get; } = new();

    public override string ToString() => SecretForRequester is null ? "GrantResult()" : "GrantResult(secret: ***)";
}
