using JitBot.Core.Grants;

namespace JitBot.Connectors;

/// <summary>One validated <c>Connectors:&lt;name&gt;</c> entry and how to build its connector once services exist.</summary>
internal sealed record ConnectorDefinition(string Name, string Type, Func<IServiceProvider, IAccessConnector> Create)
{
    /// <summary>Why a policy role cannot be granted through this connector (a redis-acl role without rules), or null.</summary>
    public Func<string, string?> RoleProblem { get; init; } = _ => null;
}
