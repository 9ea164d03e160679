using JitBot.Teams.Configuration;
using Microsoft.IdentityModel.Protocols;

namespace JitBot.Teams.Security;

/// <summary>
/// Fetches the OpenID metadata and key set documents: https only, or http on a loopback host (local fakes), for
/// every address, including the <c>jwks_uri</c> the metadata names.
/// </summary>
internal sealed class CheckedDocumentRetriever(HttpClient http) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!UrlRules.IsAllowed(address))
        {
            throw new IOException($"Refusing to fetch '{address}': signing keys come over https (http only on loopback).");
        }

        using var response = await http.GetAsync(new Uri(address), cancel);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"GET {address} answered HTTP {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync(cancel);
    }
}
