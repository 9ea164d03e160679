namespace JitBot.Startup;

internal static class HostSetup
{
    /// <summary>
    /// Hangfire's client and its Redis storage block threads on Redis replies, and StackExchange.Redis completes
    /// those replies on the thread pool: with the pool's default minimum a burst starves it (see the README's
    /// benchmark). Start with enough threads that blocked ones never hold up the replies they wait for.
    /// </summary>
    public static void RaiseThreadPoolMinimum(int threads = 128)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, threads), Math.Max(io, threads));
    }

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
