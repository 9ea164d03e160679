using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using JitBot.Core.Policies;

namespace JitBot.Connectors.Oncall;

/// <summary><c>oncall:&lt;name&gt;</c>: who is on call now, from a configured HTTP lookup, cached briefly.</summary>
internal sealed class HttpOncallSource(HttpClient http, OncallOptions options, TimeProvider time) : IPrincipalSource
{
    public const string ClientName = "JitBot.Oncall";

    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> People, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public string Kind => "oncall";

    public async Task<IReadOnlySet<string>> MembersAsync(string name, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(name, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.People;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, options.UrlTemplate.Replace("{name}", Uri.EscapeDataString(name), StringComparison.Ordinal));
        if (options.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"on-call lookup for '{name}' answered HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var list = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("emails", out var emails) ? emails : json.RootElement;
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"on-call lookup for '{name}' did not answer a list of emails");
        }

        IReadOnlySet<string> people = list.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!.Trim().ToLowerInvariant())
            .Where(e => e.Contains('@', StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        cache[name] = (people, time.GetUtcNow() + options.CacheFor);
        return people;
    }
}
