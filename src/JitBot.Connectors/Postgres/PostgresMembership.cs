using System.Text.RegularExpressions;
using JitBot.Core.Grants;
using Npgsql;

namespace JitBot.Connectors.Postgres;

/// <summary>
/// <c>Mode: membership</c>: the person's own database role is made a member of the database role
/// (<c>GRANT … GRANTED BY CURRENT_USER</c>, so the bot's role is recorded as grantor) and removed again at
/// revocation, whose sessions are then ended. Memberships another grantor made are never touched.
/// </summary>
internal sealed partial class PostgresMembership(PostgresOptions options, Func<IEnumerable<string>> policyRoles) : IPostgresGrants
{
    public async Task<GrantResult> GrantAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken)
    {
        var (role, member) = (options.DatabaseRole(grant.Role), options.DatabaseUser(grant.Email));
        foreach (var (name, what) in new[] { (role, "database role"), (member, $"database user of {grant.Email}") })
        {
            if (!await PostgresCommands.RoleExistsAsync(connection, name, cancellationToken))
            {
                throw new ConnectorException($"the {what} '{name}' does not exist");
            }
        }

        // Idempotent: a second GRANT of the same membership is a notice, not an error.
        await PostgresCommands.ExecuteAsync(connection, $"GRANT {PostgresSql.Identifier(role)} TO {PostgresSql.Identifier(member)} GRANTED BY CURRENT_USER", cancellationToken);
        return GrantResult.Done;
    }

    public Task<string?> RevokeAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken) =>
        RevokeAsync(connection, options.DatabaseRole(grant.Role), options.DatabaseUser(grant.Email), cancellationToken);

    /// <summary>A membership has no end of its own: the revocation ends it.</summary>
    public Task ExtendAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select r.rolname, m.rolname from pg_auth_members am
            join pg_roles r on r.oid = am.roleid
            join pg_roles m on m.oid = am.member
            join pg_roles g on g.oid = am.grantor
            where g.rolname = current_user and r.rolname = any($1) and m.rolname not like 'jit\_%'
            order by 1, 2
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ManagedRoles().ToArray() });
        var found = new List<ActiveAccess>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (role, member) = (reader.GetString(0), reader.GetString(1));
            var email = options.Users.FirstOrDefault(u => u.Value == member).Key;
            var policyRole = options.Roles.FirstOrDefault(r => r.Value == role).Key ?? role;
            found.Add(new ActiveAccess(Key(role, member), null, email, policyRole));
        }

        return found;
    }

    public Task<string?> RemoveAsync(NpgsqlConnection connection, ActiveAccess access, CancellationToken cancellationToken)
    {
        var match = KeyPattern().Match(access.Key);
        var role = match.Success ? Unquote(match.Groups[1].Value) : null;
        return role is not null && ManagedRoles().Contains(role)
            ? RevokeAsync(connection, role, Unquote(match.Groups[2].Value), cancellationToken)
            : throw new ConnectorException($"'{access.Key}' is not a membership this connector manages");
    }

    /// <summary>The memberships are not named after a request: a live grant covers one when it would grant the same.</summary>
    public bool Covers(ActiveAccess access, GrantContext grant) =>
        access.Key == Key(options.DatabaseRole(grant.Role), options.DatabaseUser(grant.Email));

    /// <summary><c>GRANT "readonly" TO "alice"</c>: what reconciliation shows, and what <see cref="RemoveAsync"/> reads back.</summary>
    public static string Key(string role, string member) => $"GRANT {PostgresSql.Identifier(role)} TO {PostgresSql.Identifier(member)}";

    private static async Task<string?> RevokeAsync(NpgsqlConnection connection, string role, string member, CancellationToken cancellationToken)
    {
        var started = await PostgresSessions.NowAsync(connection, cancellationToken);
        if (await PostgresCommands.GrantedByBotAsync(connection, role, member, cancellationToken))
        {
            await PostgresCommands.ExecuteAsync(connection, $"REVOKE {PostgresSql.Identifier(role)} FROM {PostgresSql.Identifier(member)} GRANTED BY CURRENT_USER", cancellationToken);
        }

        await PostgresSessions.EndAsync(connection, member, cancellationToken);

        if (await PostgresCommands.GrantedByBotAsync(connection, role, member, cancellationToken))
        {
            return $"{member} is still a member of {role}";
        }

        var sessions = await PostgresSessions.CountAsync(connection, member, started, cancellationToken);
        return sessions > 0 ? $"{sessions} session(s) of {member} from before the revocation are still open" : null;
    }

    /// <summary>The database roles this connector grants: those under <c>Roles:</c> and those of the policy roles of its resources.</summary>
    private HashSet<string> ManagedRoles() =>
        options.Roles.Values.Concat(policyRoles().Select(options.DatabaseRole)).ToHashSet(StringComparer.Ordinal);

    private static string Unquote(string quoted) => quoted[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);

    [GeneratedRegex("""^GRANT ("(?:[^"]|"")+") TO ("(?:[^"]|"")+")$""")]
    private static partial Regex KeyPattern();
}
