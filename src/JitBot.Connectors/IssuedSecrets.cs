using System.Collections.Concurrent;

namespace JitBot.Connectors;

/// <summary>
/// The passwords this instance generated for logins that still exist, kept in memory only (never logged or stored)
/// until the grant's expiry. A grant retried after its first attempt created the login but was not confirmed (a
/// lost answer, a crash of the job after the connector call) finds the same password here and hands it out
/// unchanged: the login is never changed by a retry. A retry elsewhere (another instance, after a restart) cannot
/// know the password and fails the grant instead (the connector says so).
/// </summary>
internal sealed class IssuedSecrets(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Issued> issued = new(StringComparer.Ordinal);

    /// <summary>A new password for <paramref name="login"/>, remembered until <paramref name="until"/>.</summary>
    public string Issue(string login, DateTimeOffset until)
    {
        Prune();
        var password = GeneratedPasswords.New();
        issued[login] = new Issued(password, until);
        return password;
    }

    public string? Find(string login) =>
        issued.TryGetValue(login, out var entry) && entry.Until > time.GetUtcNow() ? entry.Password : null;

    public void Forget(string login) => issued.TryRemove(login, out _);

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (login, entry) in issued)
        {
            if (entry.Until <= now)
            {
                issued.TryRemove(login, out _);
            }
        }
    }

    private sealed record Issued(string Password, DateTimeOffset Until)
    {
        public override string ToString() => "Issued { Password = *** }";
    }
}
