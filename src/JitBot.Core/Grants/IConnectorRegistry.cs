namespace JitBot.Core.Grants;

/// <summary>The connectors configured under <c>Connectors:</c>, by name.</summary>
public interface IConnectorRegistry
{
    IReadOnlySet<string> Names { get; }

    IAccessConnector Get(string name);
}
