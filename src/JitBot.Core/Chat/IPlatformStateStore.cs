namespace JitBot.Core.Chat;

/// <summary>
/// Small named values a chat adapter keeps across restarts and instances: conversation references,
/// the last service URL of a tenant, a person's platform ids.
/// </summary>
public interface IPlatformStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
