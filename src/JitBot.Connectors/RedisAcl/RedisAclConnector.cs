using System.Security.Cryptography;
using System.Text;
using JitBot.Core.Grants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace JitBot.Connectors.RedisAcl;

/// <summary>
/// Grants by creating a Redis ACL user <c>jit-&lt;user&gt;-&lt;n&gt;</c> with a random password and the role's rules;
/// revokes by disabling it, killing its clients and deleting it, then checks it is gone (contract section 6).
/// Connects on first use, so the bot starts without the server; one attempt per call, the caller retries.
/// </summary>
internal sealed class RedisAclConnector(RedisAclOptions options, IssuedSecrets secrets, ILogger<RedisAclConnector> logger) : IAccessConnector, IDisposable, IAsyncDisposable
{
    private const char Separator = '-';

    private readonly SemaphoreSlim connecting = new(1, 1);
    private ConnectionMultiplexer? connection;

    public static RedisAclConnector Create(RedisAclOptions options, IServiceProvider services) =>
        new(options, new IssuedSecrets(services.GetRequiredService<TimeProvider>()), services.GetRequiredService<ILogger<RedisAclConnector>>());

    public Task<GrantResult> GrantAsync(GrantContext grant, CancellationToken cancellationToken) =>
        RunAsync("grant", grant.RequestId, async database =>
        {
            var user = User(grant);
            var rules = options.Roles.TryGetValue(grant.Role, out var found)
                ? found
                : throw new ConnectorException(options.RoleProblem(grant.Role)!);
            string password;
            if (await RedisAclCommands.PasswordHashesAsync(database, user) is { } hashes)
            {
                // A retried grant never changes the user: only a password this instance issued for it can be handed out.
                password = secrets.Find(user) is { } issued && hashes.Contains(Hash(issued), StringComparer.OrdinalIgnoreCase)
                    ? issued
                    : throw new ConnectorException($"ACL user {user} already exists, made by an earlier attempt whose password this instance does not hold; "
                        + "a retried grant never changes a generated user, so this grant fails and reconciliation removes the user");
            }
            else
            {
                password = secrets.Issue(user, grant.ExpiresAt);
                await RedisAclCommands.CreateAsync(database, user, Hash(password), rules);
            }

            RedisAclLog.Granted(logger, options.Name, grant.RequestId, grant.Role);
            return new GrantResult(ConnectionUris.Redis(user, password, options.PublicHost, options.PublicPort));
        }, cancellationToken);

    public Task RevokeAsync(GrantContext grant, CancellationToken cancellationToken) =>
        RunAsync("revoke", grant.RequestId, database => DeleteAsync(database, User(grant)), cancellationToken);

    public Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ActiveAccess>>("list", "reconciliation", async database =>
            (await RedisAclCommands.UsersAsync(database))
                .Where(u => GeneratedLogins.IsGenerated(Separator, u))
                .Select(u => new ActiveAccess(u, GeneratedLogins.RequestId(Separator, u), null, null))
                .ToList(), cancellationToken);

    public Task RemoveAsync(ActiveAccess access, CancellationToken cancellationToken) =>
        RunAsync("remove", access.Key, database => GeneratedLogins.IsGenerated(Separator, access.Key)
            ? DeleteAsync(database, access.Key)
            : throw new ConnectorException($"'{access.Key}' is not a generated ACL user (jit-…): not removed"), cancellationToken);

    public bool Covers(ActiveAccess access, GrantContext grant) => access.Key == User(grant);

    public static string User(GrantContext grant) => GeneratedLogins.Name(Separator, UserNames.FromEmail(grant.Email), grant.RequestNumber);

    public void Dispose()
    {
        connection?.Dispose();
        connecting.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        connecting.Dispose();
    }

    private async Task<bool> DeleteAsync(IDatabase database, string user)
    {
        if (await RedisAclCommands.PasswordHashesAsync(database, user) is not null)
        {
            await RedisAclCommands.DisableAsync(database, user);
            await RedisAclCommands.KillClientsAsync(database, user);
            await RedisAclCommands.DeleteAsync(database, user);
        }

        secrets.Forget(user);
        var left = await RedisAclCommands.PasswordHashesAsync(database, user) is not null ? $"ACL user {user} still exists"
            : await RedisAclCommands.ClientCountAsync(database, user) is > 0 and var clients ? $"{clients} client(s) of {user} are still connected"
            : null;
        if (left is not null)
        {
            throw new ConnectorException($"access is still there after deleting ({left})");
        }

        RedisAclLog.Deleted(logger, options.Name, user);
        return true;
    }

    private async Task<T> RunAsync<T>(string operation, string subject, Func<IDatabase, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await ConnectAsync(cancellationToken)).GetDatabase();
            return await action(database).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Server and connection errors name commands and endpoints, never the password or an ACL hash.
            var error = e is ConnectorException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            RedisAclLog.Failed(logger, options.Name, operation, subject, error);
            throw new ConnectorException($"Redis ACL connector '{options.Name}': {operation} for {subject}: {error}");
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (connection is { } existing)
        {
            return existing;
        }

        await connecting.WaitAsync(cancellationToken);
        try
        {
            return connection ??= await ConnectionMultiplexer.ConnectAsync(options.Configuration());
        }
        finally
        {
            connecting.Release();
        }
    }

    private static string Hash(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
