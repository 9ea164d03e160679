namespace JitBot.Core.Policies;

/// <summary>Resolves one kind of dynamic selector (<c>slack-usergroup:&lt;id&gt;</c>, <c>oncall:&lt;name&gt;</c>) to emails.</summary>
public interface IPrincipalSource
{
    /// <summary>The selector kind, e.g. <c>oncall</c>.</summary>
    string Kind { get; }

    Task<IReadOnlySet<string>> MembersAsync(string name, CancellationToken cancellationToken);
}
