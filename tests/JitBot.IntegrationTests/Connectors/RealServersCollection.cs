namespace JitBot.IntegrationTests.Connectors;

/// <summary>
/// The tests that create logins, memberships and ACL users on the shared test servers run one at a time: roles
/// and ACL users are server-wide, and reconciliation removes every <c>jit_</c>/<c>jit-</c> name no grant of the
/// running bot covers.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealServersCollection
{
    public const string Name = "Connectors on real PostgreSQL and Redis";
}
