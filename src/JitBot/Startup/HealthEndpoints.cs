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
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var ready = await store.PingAsync(timeout.Token);
            return ready ? Results.Text("ready") : Results.Text("store not answering", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
