using System.Security.Cryptography;
using System.Text;
using JitBot.Connectors.Postgres;
using JitBot.Testing.Infrastructure;
using Npgsql;

namespace JitBot.Connectors.Tests;

public sealed class ScramSha256Tests
{
    // RFC 7677 section 3: user "user", password "pencil".
    private const string Salt = "W22ZaJ0SNY7soEsUEjb6gQ==";
    private const string ClientFirstBare = "n=user,r=rOprNGfwEbeRWgbNEkqO";
    private const string ServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private const string ClientFinalWithoutProof = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private const string ClientProof = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private const string ServerSignature = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    [Fact]
    public void The_verifier_of_the_RFC_7677_example_accepts_its_client_proof_and_gives_its_server_signature()
    {
        var verifier = ScramSha256.Verifier("pencil", Convert.FromBase64String(Salt), 4096);
        var (storedKey, serverKey) = Parse(verifier);
        var authMessage = Encoding.UTF8.GetBytes($"{ClientFirstBare},{ServerFirst},{ClientFinalWithoutProof}");

        // What the server does with the client's proof: recover ClientKey and hash it back to StoredKey.
        var clientSignature = HMACSHA256.HashData(storedKey, authMessage);
        var clientKey = Convert.FromBase64String(ClientProof).Zip(clientSignature, (p, s) => (byte)(p ^ s)).ToArray();
        Assert.Equal(storedKey, SHA256.HashData(clientKey));
        Assert.Equal(ServerSignature, Convert.ToBase64String(HMACSHA256.HashData(serverKey, authMessage)));
        Assert.StartsWith($"SCRAM-SHA-256$4096:{Salt}$", verifier, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_verifier_has_its_own_salt_and_never_contains_the_password()
    {
        var password = GeneratedPasswords.New();

        var first = ScramSha256.Verifier(password);
        var second = ScramSha256.Verifier(password);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(password, first, StringComparison.Ordinal);
        Assert.Equal(first, PostgresSql.VerifierLiteral(first)[1..^1]);
    }

    [PostgresFact]
    public async Task PostgreSQL_accepts_the_password_of_a_verifier_computed_here_and_refuses_another()
    {
        var role = $"scram_test_{Guid.NewGuid():N}"[..30];
        var password = GeneratedPasswords.New();
        await using var admin = NpgsqlDataSource.Create(TestServers.RequirePostgres());
        await using (var create = admin.CreateCommand($"CREATE ROLE {PostgresSql.Identifier(role)} LOGIN PASSWORD {PostgresSql.VerifierLiteral(ScramSha256.Verifier(password))}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            Assert.Equal(role, await ConnectAsync(role, password));
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ConnectAsync(role, password + "x"));
            Assert.True(refused.SqlState == "28P01", $"JITBOT_TEST_POSTGRES must check passwords on TCP (pg_hba scram-sha-256), got {refused.SqlState}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var drop = admin.CreateCommand($"DROP ROLE IF EXISTS {PostgresSql.Identifier(role)}");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string> ConnectAsync(string user, string password)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestServers.RequirePostgres()) { Username = user, Password = password, Pooling = false, Database = "postgres" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_user", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static (byte[] StoredKey, byte[] ServerKey) Parse(string verifier)
    {
        var keys = verifier[(verifier.LastIndexOf('$') + 1)..].Split(':');
        return (Convert.FromBase64String(keys[0]), Convert.FromBase64String(keys[1]));
    }
}
