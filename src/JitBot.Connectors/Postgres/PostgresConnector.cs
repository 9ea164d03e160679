using JitBot.Core.Grants;
using JitBot.Core.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JitBot.Connectors.Postgres;

/// <summary>
/// Grants and revokes database access (contract section 6). One attempt per call, each on its own pooled
/// connection: the caller retries with backoff. Nothing connects before the first call, so the bot starts
/// without the server. Failures become <see cref="ConnectorException"/>s naming what failed, never a secret:
/// a server error is reported by code and text only (its statement may hold a SCRAM verifier).
/// </summary>
internal sealed class PostgresConnector(PostgresOptions options, NpgsqlDataSource dataSource, IPostgresGrants grants, ILogger<PostgresConnector> logger)
    : IAccessConnector, IDisposable, IAsyncDisposable
{
    public static PostgresConnector Create(PostgresOptions options, IServiceProvider services)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "jitbot";
        IPostgresGrants grants = options.Mode == PostgresMode.Membership
            ? new PostgresMembership(options, () => PolicyRoles(services, options.Name))
            : new PostgresCredentials(options, new IssuedSecrets(services.GetRequiredService<TimeProvider>()));
        return new PostgresConnector(options, builder.Build(), grants, services.GetRequiredService<ILogger<PostgresConnector>>());
    }

    public Task<GrantResult> GrantAsync(GrantContext grant, CancellationToken cancellationToken) =>
        RunAsync("grant", grant.RequestId, async connection =>
        {
            var result = await grants.GrantAsync(connection, grant, cancellationToken);
            PostgresLog.Granted(logger, options.Name, options.Mode, grant.RequestId, grant.Role);
            return result;
        }, cancellationToken);

    public Task RevokeAsync(GrantContext grant, CancellationToken cancellationToken) =>
        RunAsync("revoke", grant.RequestId, async connection =>
        {
            if (await grants.RevokeAsync(connection, grant, cancellationToken) is { } left)
            {
                throw new ConnectorException($"access is still there after revoking ({left})");
            }

            PostgresLog.Revoked(logger, options.Name, options.Mode, grant.RequestId);
            return true;
        }, cancellationToken);

    public Task ExtendAsync(GrantContext grant, CancellationToken cancellationToken) =>
        RunAsync("extend", grant.RequestId, async connection =>
        {
            await grants.ExtendAsync(connection, grant, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(CancellationToken cancellationToken) =>
        RunAsync("list", "reconciliation", connection => grants.ListActiveAsync(connection, cancellationToken), cancellationToken);

    public Task RemoveAsync(ActiveAccess access, CancellationToken cancellationToken) =>
        RunAsync("remove", access.Key, async connection =>
        {
            if (await grants.RemoveAsync(connection, access, cancellationToken) is { } left)
            {
                throw new ConnectorException($"still there after removing ({left})");
            }

            PostgresLog.Removed(logger, options.Name, access.Key);
            return true;
        }, cancellationToken);

    public bool Covers(ActiveAccess access, GrantContext grant) => grants.Covers(access, grant);

    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private async Task<T> RunAsync<T>(string operation, string subject, Func<NpgsqlConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await action(connection);
        }
        catch (ConnectorException e)
        {
            PostgresLog.Failed(logger, options.Name, operation, subject, e.Message);
            throw new ConnectorException($"{Describe(operation, subject)}: {e.Message}");
        }
        catch (PostgresException e)
        {
            PostgresLog.Failed(logger, options.Name, operation, subject, $"{e.SqlState}: {e.MessageText}");
            throw new ConnectorException($"{Describe(operation, subject)} failed: {e.SqlState}: {e.MessageText}");
        }
        catch (NpgsqlException e)
        {
            PostgresLog.Failed(logger, options.Name, operation, subject, e.Message);
            throw new ConnectorException($"{Describe(operation, subject)} failed: {e.Message}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PostgresLog.Failed(logger, options.Name, operation, subject, $"{e.GetType().Name}: {e.Message}");
            throw new ConnectorException($"{Describe(operation, subject)} failed: {e.GetType().Name}: {e.Message}", e);
        }
    }

    private string Describe(string operation, string subject) => $"Postgres connector '{options.Name}': {operation} for {subject}";

    /// <summary>The policy roles of the resources that use this connector, as the policies in force now say.</summary>
    private static IEnumerable<string> PolicyRoles(IServiceProvider services, string name) =>
        services.GetService<IPolicyProvider>()?.Current.Resources.Values
            .Where(r => string.Equals(r.Connector, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(r => r.Roles.Keys) ?? [];
}
