namespace JitBot.Teams.Tests;

/// <summary>An <see cref="IHttpClientFactory"/> handing out plain clients (the fakes are real servers on loopback).</summary>
internal sealed class TestHttp : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(10) };
}
