namespace JitBot.Connectors;

/// <summary>
/// A <c>Connectors:</c> configuration that cannot work: an unknown type, a missing key, a bad URL or duration.
/// The message names the key (<c>Connectors:payments-db:Url: …</c>) and never carries a secret.
/// </summary>
public sealed class ConnectorConfigurationException : Exception
{
    public ConnectorConfigurationException()
    {
    }

    public ConnectorConfigurationException(string message)
        : base(message)
    {
    }

    public ConnectorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
