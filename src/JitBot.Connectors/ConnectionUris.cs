using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace JitBot.Connectors;

/// <summary>The connection strings a requester gets in a DM; user and password percent-encoded.</summary>
internal static class ConnectionUris
{
    public static string Postgres(string user, string password, string host, int port, string database) =>
        $"postgresql://{Escape(user)}:{Escape(password)}@{Host(host)}:{port.ToString(CultureInfo.InvariantCulture)}/{Escape(database)}";

    public static string Redis(string user, string password, string host, int port) =>
        $"redis://{Escape(user)}:{Escape(password)}@{Host(host)}:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>An IPv6 literal goes in brackets.</summary>
    private static string Host(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && !host.StartsWith('[')
            ? $"[{host}]"
            : host;
}
