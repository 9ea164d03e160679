namespace JitBot.Testing.Teams;

/// <summary>
/// A Teams user as the fake connector knows them: the bot-specific <c>29:</c> id, the Entra object id, a display
/// name, and the <c>email</c> / <c>userPrincipalName</c> a member lookup returns (either may be missing).
/// </summary>
public sealed record FakeTeamsMember(string Id, string AadObjectId, string Name, string? Email, string? UserPrincipalName = null)
{
    public static FakeTeamsMember Create(string name, string? email, string? userPrincipalName = null)
    {
        var aad = Guid.NewGuid().ToString();
        return new FakeTeamsMember("29:1" + name.ToLowerInvariant() + "-" + aad[..8], aad, name, email, userPrincipalName ?? email);
    }
}
