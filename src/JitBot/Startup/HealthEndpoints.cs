using JitBot.Core.Requests;

namespace JitBot.Startup;

internal static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process runs. <c>/readyz</c>: the store answers.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", async (IRequestStore store, CancellationToken cancellationToken) =>
        {
            // The store's ping gives up by itself (false) when the store does not answer in time.
            var ready = await store.PingAsync(cancellationToken);
            return ready ? Results.Text("ready") : Results.Text("store not answering", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
