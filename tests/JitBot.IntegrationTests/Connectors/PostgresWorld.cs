using JitBot.Testing.Infrastructure;
using Npgsql;

namespace JitBot.IntegrationTests.Connectors;

/// <summary>
/// What one test needs in the test PostgreSQL, under names of its own: a database role that may read one table,
/// a person with a standing login, and the superuser connection the bot is given. Dropped again at the end.
/// </summary>
internal sealed class PostgresWorld : IAsyncDisposable
{
    public const string Row = "order-1042";

    private readonly NpgsqlDataSource admin;
    private readonly List<string> roles = [];

    private PostgresWorld(string id)
    {
        admin = NpgsqlDataSource.Create(TestServers.RequirePostgres());
        Id = id;
    }

    public string Id { get; }

    public string ReaderRole => $"reader_{Id}";

    public string Schema => $"orders_{Id}";

    /// <summary>The bot's connection string: the test server's superuser.</summary>
    public static string BotConnectionString => TestServers.RequirePostgres();

    public static async Task<PostgresWorld> CreateAsync()
    {
        var world = new PostgresWorld(Guid.NewGuid().ToString("N")[..10]);
        await world.ExecuteAsync($"""
            CREATE ROLE "{world.ReaderRole}" NOLOGIN;
            CREATE SCHEMA "{world.Schema}";
            CREATE TABLE "{world.Schema}".orders (id text primary key);
            INSERT INTO "{world.Schema}".orders VALUES ('{Row}');
            GRANT USAGE ON SCHEMA "{world.Schema}" TO "{world.ReaderRole}";
            GRANT SELECT ON "{world.Schema}".orders TO "{world.ReaderRole}";
            """);
        world.roles.Add(world.ReaderRole);
        return world;
    }

    /// <summary>A person's standing login (what membership mode grants to).</summary>
    public async Task<string> CreateLoginAsync(string name, string password)
    {
        await ExecuteAsync($"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'");
        roles.Add(name);
        return name;
    }

    /// <summary>A dedicated bot role that is no superuser: CREATEROLE, and pg_signal_backend to end sessions. Returns its connection string.</summary>
    public async Task<string> CreateBotRoleAsync()
    {
        var name = await CreateLoginAsync($"jitbot_{Id}", "bot-password");
        await ExecuteAsync($"ALTER ROLE \"{name}\" CREATEROLE; GRANT pg_signal_backend TO \"{name}\"");
        return new NpgsqlConnectionStringBuilder(TestServers.RequirePostgres()) { Username = name, Password = "bot-password" }.ConnectionString;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = admin.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<bool> RoleExistsAsync(string role) => ScalarAsync<bool>("select exists (select 1 from pg_roles where rolname = $1)", role);

    public Task<bool> IsMemberAsync(string member, string role) => ScalarAsync<bool>(
        "select exists (select 1 from pg_auth_members am join pg_roles r on r.oid = am.roleid join pg_roles m on m.oid = am.member where r.rolname = $1 and m.rolname = $2)",
        role, member);

    /// <summary>An open session as <paramref name="user"/>, not pooled, so that ending it on the server is seen.</summary>
    public static async Task<NpgsqlConnection> ConnectAsync(string user, string password, string? database = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestServers.RequirePostgres())
        {
            Username = user,
            Password = password,
            Pooling = false,
            Timeout = 5,
        };
        builder.Database = database ?? builder.Database;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Connects with a <c>postgresql://</c> string as a requester would paste it.</summary>
    public static Task<NpgsqlConnection> ConnectAsync(Uri uri)
    {
        var userInfo = uri.UserInfo.Split(':');
        return ConnectAsync(Uri.UnescapeDataString(userInfo[0]), Uri.UnescapeDataString(userInfo[1]), Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')));
    }

    public async Task<string> ReadAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"select id from \"{Schema}\".orders", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
            foreach (var role in Enumerable.Reverse(roles))
            {
                if (await RoleExistsAsync(role))
                {
                    await ExecuteAsync($"DROP OWNED BY \"{role}\"; DROP ROLE IF EXISTS \"{role}\"");
                }
            }
        }
        finally
        {
            await admin.DisposeAsync();
        }
    }
}
