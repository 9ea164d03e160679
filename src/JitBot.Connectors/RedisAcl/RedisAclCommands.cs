using StackExchange.Redis;

namespace JitBot.Connectors.RedisAcl;

/// <summary>The ACL and CLIENT commands the connector sends; every value is a separate argument, none is parsed by a shell or script.</summary>
internal static class RedisAclCommands
{
    /// <summary>The SHA-256 hashes of the user's passwords, or null when there is no such user.</summary>
    public static async Task<IReadOnlyList<string>?> PasswordHashesAsync(IDatabase database, string user)
    {
        var reply = await database.ExecuteAsync("ACL", "GETUSER", user);
        if (reply.IsNull)
        {
            return null;
        }

        var fields = (RedisResult[])reply!;
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            if ((string?)fields[i] == "passwords")
            {
                return ((RedisResult[])fields[i + 1]!).Select(p => (string)p!).ToList();
            }
        }

        return [];
    }

    public static Task CreateAsync(IDatabase database, string user, string passwordHash, IReadOnlyList<string> rules) =>
        database.ExecuteAsync("ACL", ["SETUSER", user, "reset", "on", "#" + passwordHash, .. rules]);

    /// <summary>No new authentication as <paramref name="user"/>; connections already made stay until killed.</summary>
    public static Task DisableAsync(IDatabase database, string user) => database.ExecuteAsync("ACL", "SETUSER", user, "off");

    public static async Task KillClientsAsync(IDatabase database, string user)
    {
        try
        {
            await database.ExecuteAsync("CLIENT", "KILL", "USER", user);
        }
        catch (RedisServerException e) when (e.Message.Contains("No such user", StringComparison.OrdinalIgnoreCase))
        {
            // Already deleted: its clients were disconnected with it.
        }
    }

    public static Task DeleteAsync(IDatabase database, string user) => database.ExecuteAsync("ACL", "DELUSER", user);

    public static async Task<IReadOnlyList<string>> UsersAsync(IDatabase database) =>
        ((RedisResult[])(await database.ExecuteAsync("ACL", "USERS"))!).Select(u => (string)u!).ToList();

    /// <summary>How many connections are authenticated as <paramref name="user"/>.</summary>
    public static async Task<int> ClientCountAsync(IDatabase database, string user)
    {
        var list = (string?)await database.ExecuteAsync("CLIENT", "LIST") ?? "";
        var field = "user=" + user;
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Count(line => line.Split(' ').Any(part => string.Equals(part, field, StringComparison.Ordinal)));
    }
}
