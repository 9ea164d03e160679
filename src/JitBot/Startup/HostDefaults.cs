namespace JitBot.Startup;

internal static class HostDefaults
{
    /// <summary>Listens on <paramref name="url"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>URLS</c> says otherwise.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder, string url)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(url);
        }

        return builder;
    }
}
