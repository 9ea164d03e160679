using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace JitBot.Testing.Teams;

/// <summary>The client-credentials token endpoint: what it issued, what it was asked, the failures it is told to answer.</summary>
public sealed partial class FakeBotIdentityServer
{
    /// <summary>True when <paramref name="token"/> is an access token this endpoint issued and it has not expired.</summary>
    public bool IsIssued(string? token) =>
        token is not null && _issued.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;

    public IReadOnlyList<string> IssuedTokens => _issued.Keys.ToList();

    public IReadOnlyList<TokenRequest> TokenRequests
    {
        get
        {
            lock (_gate)
            {
                return _tokenRequests.ToList();
            }
        }
    }

    /// <summary>The next token requests answer <paramref name="status"/> (with <c>Retry-After</c> when given).</summary>
    public void FailTokenRequests(int status, int times = 1, int? retryAfterSeconds = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _tokenFaults.Enqueue((status, retryAfterSeconds));
            }
        }
    }

    private async Task IssueAsync(HttpContext context)
    {
        var tenant = (string)context.Request.RouteValues["tenant"]!;
        var form = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        (int Status, int? RetryAfter)? fault;
        lock (_gate)
        {
            fault = _tokenFaults.TryDequeue(out var f) ? f : null;
        }

        var (status, body) = fault is { } failure
            ? (failure.Status, new JsonObject { ["error"] = "temporarily_unavailable" })
            : Answer(tenant, form);
        lock (_gate)
        {
            _tokenRequests.Add(new TokenRequest(tenant, form, status));
        }

        if (fault?.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private (int Status, JsonObject Body) Answer(string tenant, Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("grant_type") != "client_credentials" || form.GetValueOrDefault("scope") != "https://api.botframework.com/.default")
        {
            return (400, new JsonObject { ["error"] = "invalid_request" });
        }

        if (!string.Equals(tenant, TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return (400, new JsonObject { ["error"] = "unauthorized_client", ["error_description"] = "AADSTS700016: application not found in the directory" });
        }

        if (form.GetValueOrDefault("client_id") != AppId || form.GetValueOrDefault("client_secret") != AppPassword)
        {
            return (401, new JsonObject { ["error"] = "invalid_client" });
        }

        var token = $"bf-access-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}";
        _issued[token] = DateTimeOffset.UtcNow.AddSeconds(TokenLifetimeSeconds);
        return (200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds,
            ["ext_expires_in"] = TokenLifetimeSeconds,
            ["access_token"] = token,
        });
    }
}
