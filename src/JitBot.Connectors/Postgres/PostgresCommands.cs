using Npgsql;

namespace JitBot.Connectors.Postgres;

/// <summary>The few statements both modes run. DDL text comes only from <see cref="PostgresSql"/>; values are parameters.</summary>
internal static class PostgresCommands
{
    public static async Task<bool> RoleExistsAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select exists (select 1 from pg_roles where rolname = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = role });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The bot's own role, and whether it is a superuser.</summary>
    public static async Task<(string Name, bool IsSuperuser)> BotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select rolname, rolsuper from pg_roles where rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetBoolean(1));
    }

    /// <summary>Whether <paramref name="member"/> is a member of <paramref name="role"/> by a grant of the bot's own role.</summary>
    public static async Task<bool> GrantedByBotAsync(NpgsqlConnection connection, string role, string member, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select exists (
              select 1 from pg_auth_members am
              join pg_roles r on r.oid = am.roleid
              join pg_roles m on m.oid = am.member
              join pg_roles g on g.oid = am.grantor
              where r.rolname = $1 and m.rolname = $2 and g.rolname = current_user)
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = role });
        command.Parameters.Add(new NpgsqlParameter { Value = member });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string statement, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
