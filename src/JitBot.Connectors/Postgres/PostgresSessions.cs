using Npgsql;

namespace JitBot.Connectors.Postgres;

/// <summary>The server sessions of one role: ended at revocation, and counted afterwards to prove they are gone.</summary>
internal static class PostgresSessions
{
    /// <summary>How long <c>pg_terminate_backend</c> waits for each session to exit, in milliseconds.</summary>
    private const long ExitWaitMilliseconds = 5000;

    /// <summary>The server's clock: sessions started before a revocation are the ones that must be gone after it.</summary>
    public static async Task<DateTime> NowAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select clock_timestamp()", connection);
        return (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Ends every session of <paramref name="role"/> (waiting for each to exit); returns how many were ended.</summary>
    public static async Task<long> EndAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select count(*) filter (where pg_terminate_backend(pid, $2)) from pg_stat_activity where usename = $1 and pid <> pg_backend_pid()",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = role });
        command.Parameters.Add(new NpgsqlParameter { Value = ExitWaitMilliseconds });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// How many sessions of <paramref name="role"/> are still there; with <paramref name="before"/>, only those that
    /// started before it (later ones began after the revocation and no longer have the access).
    /// </summary>
    public static async Task<long> CountAsync(NpgsqlConnection connection, string role, DateTime? before, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where usename = $1 and ($2::timestamptz is null or backend_start <= $2) and pid <> pg_backend_pid()",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = role });
        command.Parameters.Add(new NpgsqlParameter { Value = before.HasValue ? before.Value : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
