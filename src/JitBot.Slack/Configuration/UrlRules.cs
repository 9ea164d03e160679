namespace JitBot.Slack.Configuration;

/// <summary>Every URL key takes https://, and http:// only for a loopback host (contract section 1).</summary>
internal static class UrlRules
{
    /// <summary>Null when <paramref name="value"/> is acceptable, else a message naming <paramref name="key"/>.</summary>
    public static string? Check(string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"{key}: '{value}' is not an absolute URL";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttp
            ? $"{key}: '{value}' uses http:// on a host that is not loopback (127.0.0.1, ::1, localhost); use https://"
            : $"{key}: '{value}' must be an https:// URL";
    }
}
