using JitBot.Core.Grants;
using Npgsql;

namespace JitBot.Connectors.Postgres;

/// <summary>What one <see cref="PostgresMode"/> does on an open connection; <see cref="PostgresConnector"/> opens it and reports failures.</summary>
internal interface IPostgresGrants
{
    Task<GrantResult> GrantAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken);

    /// <summary>Takes the access away and checks it is gone; returns what was found still present, or null.</summary>
    Task<string?> RevokeAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken);

    /// <summary>The grant now ends at <see cref="GrantContext.ExpiresAt"/>: what the server enforces itself follows.</summary>
    Task ExtendAsync(NpgsqlConnection connection, GrantContext grant, CancellationToken cancellationToken);

    Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(NpgsqlConnection connection, CancellationToken cancellationToken);

    /// <summary>Like <see cref="RevokeAsync"/> for something <see cref="ListActiveAsync"/> found.</summary>
    Task<string?> RemoveAsync(NpgsqlConnection connection, ActiveAccess access, CancellationToken cancellationToken);

    bool Covers(ActiveAccess access, GrantContext grant);
}
