using Microsoft.Extensions.Logging;

namespace JitBot.Connectors.RedisAcl;

/// <summary>What the Redis ACL connector logs: names, request ids and errors; never a connection string, password or hash.</summary>
internal static partial class RedisAclLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Redis ACL connector {Connector}: granted {RequestId} (role {Role})")]
    public static partial void Granted(ILogger logger, string connector, string requestId, string role);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Redis ACL connector {Connector}: deleted ACL user {User}, checked gone")]
    public static partial void Deleted(ILogger logger, string connector, string user);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Redis ACL connector {Connector}: {Operation} for {Subject} failed: {Error}")]
    public static partial void Failed(ILogger logger, string connector, string operation, string subject, string error);
}
