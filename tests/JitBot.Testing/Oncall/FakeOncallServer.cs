using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JitBot.Testing.Oncall;

/// <summary>An on-call lookup on loopback: <c>GET /oncall/{name}</c> answers the emails a test set for that schedule.</summary>
public sealed class FakeOncallServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string[]> schedules = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private int calls;

    private FakeOncallServer(WebApplication app) => this.app = app;

    /// <summary>The template for <c>Oncall:Url</c>.</summary>
    public string UrlTemplate { get; private set; } = "";

    public int Calls => calls;

    public string? LastAuthorization { get; private set; }

    public static async Task<FakeOncallServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOncallServer(app);
        app.MapGet("/oncall/{name}", (string name, HttpContext context) =>
        {
            Interlocked.Increment(ref server.calls);
            server.LastAuthorization = context.Request.Headers.Authorization.ToString();
            return server.schedules.TryGetValue(name, out var emails) ? Results.Json(new { emails }) : Results.NotFound();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.UrlTemplate = address.TrimEnd('/') + "/oncall/{name}";
        return server;
    }

    public void Set(string schedule, params string[] emails) => schedules[schedule] = emails;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
