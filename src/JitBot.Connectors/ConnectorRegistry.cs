using System.Collections.Frozen;
using JitBot.Core.Grants;

namespace JitBot.Connectors;

/// <summary>The connectors configured under <c>Connectors:</c>; names compare case-insensitively, like configuration keys.</summary>
internal sealed class ConnectorRegistry : IConnectorRegistry, IDisposable, IAsyncDisposable
{
    private readonly FrozenDictionary<string, IAccessConnector> connectors;

    public ConnectorRegistry(IEnumerable<KeyValuePair<string, IAccessConnector>> connectors)
    {
        this.connectors = connectors.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Names = this.connectors.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlySet<string> Names { get; }

    public IAccessConnector Get(string name)
    {
        if (connectors.TryGetValue(name, out var connector))
        {
            return connector;
        }

        var known = Names.Count == 0 ? "none" : string.Join(", ", Names.Order(StringComparer.OrdinalIgnoreCase));
        throw new KeyNotFoundException($"No connector named '{name}' is configured under Connectors: (configured: {known})");
    }

    public void Dispose()
    {
        foreach (var connector in connectors.Values.OfType<IDisposable>())
        {
            connector.Dispose();
        }
    }

    /// <summary>Closes what connectors hold open (a connection pool, a Redis multiplexer) when the host stops.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var connector in connectors.Values.OfType<IAsyncDisposable>())
        {
            await connector.DisposeAsync();
        }
    }
}
