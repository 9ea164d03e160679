using System.Net;
using JitBot.Core.Common;
using Microsoft.Extensions.Configuration;

namespace JitBot.Connectors;

/// <summary>Reads and checks the keys of one <c>Connectors:&lt;name&gt;</c> section; every error names its key.</summary>
internal static class ConnectorSettings
{
    public static string Required(IConfigurationSection section, string key)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value)
            ? throw new ConnectorConfigurationException($"{section.Path}:{key} is required")
            : value.Trim();
    }

    public static TimeSpan OptionalDuration(IConfigurationSection section, string key, TimeSpan defaultValue)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        return Duration.TryParse(value.Trim(), out var duration)
            ? duration
            : throw new ConnectorConfigurationException(
                $"{section.Path}:{key}: '{value}' is not a duration (a number and a unit: 90s, 15m, 2h, 1d)");
    }

    public static string? Optional(IConfigurationSection section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A TCP port (1–65535), or null when the key is not set.</summary>
    public static int? OptionalPort(IConfigurationSection section, string key)
    {
        var value = Optional(section, key);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new ConnectorConfigurationException($"{section.Path}:{key}: '{value}' is not a port (1-65535)");
    }

    /// <summary>One of a fixed set of words (case-insensitive), returned as written in <paramref name="allowed"/>.</summary>
    public static string RequiredChoice(IConfigurationSection section, string key, params string[] allowed)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConnectorConfigurationException($"{section.Path}:{key} is required (one of: {string.Join(", ", allowed)})");
        }

        return allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ConnectorConfigurationException($"{section.Path}:{key}: '{value.Trim()}' is not one of: {string.Join(", ", allowed)}");
    }

    /// <summary>The children of <c>&lt;key&gt;:</c> as a case-insensitive map; an empty value is an error naming its key.</summary>
    public static IReadOnlyDictionary<string, string> Map(IConfigurationSection section, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetSection(key).GetChildren())
        {
            map[child.Key] = string.IsNullOrWhiteSpace(child.Value)
                ? throw new ConnectorConfigurationException($"{child.Path}: a value is required")
                : child.Value.Trim();
        }

        return map;
    }

    /// <summary>An absolute <c>https://</c> URL, or <c>http://</c> to a loopback host (127.0.0.1, ::1, localhost).</summary>
    public static Uri RequiredUrl(IConfigurationSection section, string key)
    {
        var text = Required(section, key);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConnectorConfigurationException($"{section.Path}:{key}: '{Shown(text, url)}' is not an absolute http(s) URL");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
        {
            throw new ConnectorConfigurationException(
                $"{section.Path}:{key}: {Shown(text, url)} must be https:// (http:// only for loopback)");
        }

        return url;
    }

    /// <summary>Every key of the section must be one the type knows, so that a typo is not silently ignored.</summary>
    public static void RejectUnknownKeys(IConfigurationSection section, string type, params string[] known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!string.Equals(child.Key, "Type", StringComparison.OrdinalIgnoreCase)
                && !known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConnectorConfigurationException(
                    $"{child.Path}: unknown key for a connector of type {type} (keys: Type, {string.Join(", ", known)})");
            }
        }
    }

    private static bool IsLoopback(Uri url) =>
        string.Equals(url.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>The URL as written, with any user:password part hidden.</summary>
    private static string Shown(string text, Uri? url) =>
        url is null || string.IsNullOrEmpty(url.UserInfo) ? text : text.Replace(url.UserInfo + "@", "***@", StringComparison.Ordinal);
}
