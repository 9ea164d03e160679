namespace JitBot.Teams.Configuration;

/// <summary>Every URL takes https://, and http:// only for a loopback host (contract section 1).</summary>
internal static class UrlRules
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else a message naming <paramref name="key"/>.</summary>
    public static string? Check(string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"{key}: '{value}' is not an absolute URL";
        }

        if (IsAllowed(uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttp
            ? $"{key}: '{value}' uses http:// on a host that is not loopback (127.0.0.1, ::1, localhost); use https://"
            : $"{key}: '{value}' must be an https:// URL";
    }

    public static bool IsAllowed(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    public static bool IsAllowed(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && IsAllowed(uri);
}
