using JitBot.Core.Grants;
using Npgsql;

namespace JitBot.Connectors.Postgres;

/// <summary>
/// <c>Mode: credentials</c>: a new login role <c>jit_&lt;user&gt;_&lt;n&gt;</c> per grant, with a random password sent
/// as a SCRAM verifier, <c>VALID UNTIL</c> the expiry (so it ends even while the bot is down) and <c>IN ROLE</c>
/// the database role. Revocation: <c>NOLOGIN</c>, end its sessions, <c>DROP OWNED</c>, <c>DROP ROLE</c>, in that order.
/// </summary>
internal sealed class PostgresCredentials(PostgresOptions options, IssuedSecrets secrets) : IPostgresGrants
{
    private const char Separator = '_';
    private const string DuplicateObject = "42710";

    public async Task<GrantResult> GrantAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken)
    {
        var login = Login(grant);
        string? password;
        if (await PostgresCommands.RoleExistsAsync(connection, login, cancellationToken))
        {
            password = ExistingPassword(login);
        }
        else
        {
            // A bot that is not a superuser is made a member of the login, so that it may DROP OWNED BY it later.
            var bot = await PostgresCommands.BotAsync(connection, cancellationToken);
            password = secrets.Issue(login, grant.ExpiresAt);
            var create = $"CREATE ROLE {PostgresSql.Identifier(login)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                + $" PASSWORD {PostgresSql.VerifierLiteral(ScramSha256.Verifier(password))}"
                + $" VALID UNTIL {PostgresSql.TimestampLiteral(grant.ExpiresAt)}"
                + $" IN ROLE {PostgresSql.Identifier(options.DatabaseRole(grant.Role))}"
                + (bot.IsSuperuser ? "" : $" ROLE {PostgresSql.Identifier(bot.Name)}");
            try
            {
                await PostgresCommands.ExecuteAsync(connection, create, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == DuplicateObject)
            {
                // Created by a concurrent attempt between the check and here: its password is the one that counts.
                password = ExistingPassword(login);
            }
        }

        return new GrantResult(ConnectionUris.Postgres(login, password, options.PublicHost, options.PublicPort, options.Database));
    }

    public Task<string?> RevokeAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken) =>
        DropAsync(connection, Login(grant), cancellationToken);

    /// <summary>The login's <c>VALID UNTIL</c> moves to the new expiry; a login that is gone cannot be extended.</summary>
    public async Task ExtendAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken)
    {
        var login = Login(grant);
        if (!await PostgresCommands.RoleExistsAsync(connection, login, cancellationToken))
        {
            throw new ConnectorException($"login {login} does not exist");
        }

        await PostgresCommands.ExecuteAsync(
            connection, $"ALTER ROLE {PostgresSql.Identifier(login)} VALID UNTIL {PostgresSql.TimestampLiteral(grant.ExpiresAt)}", cancellationToken);
    }

    public async Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select rolname from pg_roles where rolname like 'jit\\_%' order by 1", connection);
        var found = new List<ActiveAccess>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var login = reader.GetString(0);
            found.Add(new ActiveAccess(login, GeneratedLogins.RequestId(Separator, login), null, null));
        }

        return found;
    }

    public Task<string?> RemoveAsync(NpgsqlConnection connection, ActiveAccess access, CancellationToken cancellationToken) =>
        GeneratedLogins.IsGenerated(Separator, access.Key)
            ? DropAsync(connection, access.Key, cancellationToken)
            : throw new ConnectorException($"'{access.Key}' is not a generated login (jit_…): not removed");

    public bool Covers(ActiveAccess access, GrantContext grant) => access.Key == Login(grant);

    public string Login(GrantContext grant) =>
        GeneratedLogins.Name(Separator, options.DatabaseUser(grant.Email), grant.RequestNumber, PostgresOptions.MaxIdentifierBytes);

    private string ExistingPassword(string login) =>
        secrets.Find(login) ?? throw new ConnectorException(
            $"login {login} already exists, made by an earlier attempt whose password this instance does not hold; "
            + "a retried grant never changes a generated login, so this grant fails and reconciliation removes the login");

    private async Task<string?> DropAsync(NpgsqlConnection connection, string login, CancellationToken cancellationToken)
    {
        var quoted = PostgresSql.Identifier(login);
        if (await PostgresCommands.RoleExistsAsync(connection, login, cancellationToken))
        {
            // No new session can start, then the open ones end, then nothing is left for it to own.
            await PostgresCommands.ExecuteAsync(connection, $"ALTER ROLE {quoted} NOLOGIN", cancellationToken);
            await PostgresSessions.EndAsync(connection, login, cancellationToken);
            await PostgresCommands.ExecuteAsync(connection, $"DROP OWNED BY {quoted}", cancellationToken);
            await PostgresCommands.ExecuteAsync(connection, $"DROP ROLE IF EXISTS {quoted}", cancellationToken);
        }
        else
        {
            await PostgresSessions.EndAsync(connection, login, cancellationToken);
        }

        secrets.Forget(login);
        if (await PostgresCommands.RoleExistsAsync(connection, login, cancellationToken))
        {
            return $"login {login} still exists";
        }

        var sessions = await PostgresSessions.CountAsync(connection, login, null, cancellationToken);
        return sessions > 0 ? $"{sessions} session(s) of {login} are still open" : null;
    }
}
