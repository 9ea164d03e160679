using System.Net;
using JitBot.Teams.Api;
using JitBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;

namespace JitBot.Teams.Tests;

public sealed class BotTokenProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeBotIdentityServer _identity = null!;

    public async Task InitializeAsync() => _identity = await TeamsClients.IdentityAsync();

    public async Task DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task The_token_is_asked_for_with_client_credentials_for_the_bot_framework_scope()
    {
        using var tokens = TeamsClients.Tokens(_identity, _time);

        var token = await tokens.GetTokenAsync(default);

        var request = Assert.Single(_identity.TokenRequests);
        Assert.Equal(TeamsClients.TenantId, request.Tenant);
        Assert.Equal("client_credentials", request.Field("grant_type"));
        Assert.Equal(TeamsClients.AppId, request.Field("client_id"));
        Assert.Equal(TeamsClients.AppPassword, request.Field("client_secret"));
        Assert.Equal("https://api.botframework.com/.default", request.Field("scope"));
        Assert.True(_identity.IsIssued(token));
    }

    [Fact]
    public async Task The_token_is_reused_until_shortly_before_it_expires()
    {
        using var tokens = TeamsClients.Tokens(_identity, _time);
        var first = await tokens.GetTokenAsync(default);

        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(first, await tokens.GetTokenAsync(default));
        Assert.Single(_identity.TokenRequests);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.NotEqual(first, await tokens.GetTokenAsync(default));
        Assert.Equal(2, _identity.TokenRequests.Count);
    }

    [Fact]
    public async Task A_short_lived_token_is_replaced_at_half_its_life()
    {
        _identity.TokenLifetimeSeconds = 120;
        using var tokens = TeamsClients.Tokens(_identity, _time);
        var first = await tokens.GetTokenAsync(default);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(first, await tokens.GetTokenAsync(default));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotEqual(first, await tokens.GetTokenAsync(default));
    }

    [Fact]
    public async Task Callers_at_the_same_moment_share_one_request()
    {
        using var tokens = TeamsClients.Tokens(_identity, _time);

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.GetTokenAsync(default)));

        Assert.Single(all.Distinct());
        Assert.Single(_identity.TokenRequests);
    }

    [Fact]
    public async Task A_throttled_token_request_waits_for_retry_after_then_succeeds()
    {
        _identity.FailTokenRequests(429, times: 1, retryAfterSeconds: 7);
        using var tokens = TeamsClients.Tokens(_identity, _time);

        var getting = tokens.GetTokenAsync(default);
        var waited = await _time.AdvanceUntilDoneAsync(getting);

        Assert.True(waited >= TimeSpan.FromSeconds(7), $"waited only {waited}");
        Assert.Equal([429, 200], _identity.TokenRequests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_server_error_is_retried_with_backoff()
    {
        _identity.FailTokenRequests(503, times: 2);
        using var tokens = TeamsClients.Tokens(_identity, _time);

        var waited = await _time.AdvanceUntilDoneAsync(tokens.GetTokenAsync(default));

        Assert.True(waited >= TimeSpan.FromSeconds(3), $"waited only {waited}");
        Assert.Equal(3, _identity.TokenRequests.Count);
    }

    [Fact]
    public async Task A_wrong_password_is_an_error_naming_the_code_and_never_the_secret()
    {
        using var tokens = TeamsClients.Tokens(_identity, _time, password: "wrong-password-123");

        var error = await Assert.ThrowsAsync<TeamsApiException>(() => tokens.GetTokenAsync(default));

        Assert.Equal("invalid_client", error.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("wrong-password-123", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalidated_token_is_replaced_on_the_next_call()
    {
        using var tokens = TeamsClients.Tokens(_identity, _time);
        var first = await tokens.GetTokenAsync(default);

        tokens.Invalidate(first);

        Assert.NotEqual(first, await tokens.GetTokenAsync(default));
    }
}
