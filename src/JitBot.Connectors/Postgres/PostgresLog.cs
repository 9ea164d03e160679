using Microsoft.Extensions.Logging;

namespace JitBot.Connectors.Postgres;

/// <summary>What the PostgreSQL connector logs: names, modes, request ids and server error codes; never a connection string, password or statement.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Postgres connector {Connector} ({Mode}): granted {RequestId} (role {Role})")]
    public static partial void Granted(ILogger logger, string connector, PostgresMode mode, string requestId, string role);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Postgres connector {Connector} ({Mode}): revoked {RequestId}, access checked gone")]
    public static partial void Revoked(ILogger logger, string connector, PostgresMode mode, string requestId);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Postgres connector {Connector}: removed {Key} (reconciliation)")]
    public static partial void Removed(ILogger logger, string connector, string key);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Postgres connector {Connector}: {Operation} for {Subject} failed: {Error}")]
    public static partial void Failed(ILogger logger, string connector, string operation, string subject, string error);
}
