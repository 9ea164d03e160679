using System.Net;
using System.Text;
using JitBot.Core.Requests;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace JitBot.IntegrationTests.Slack;

public sealed class SecurityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [RedisFact]
    public async Task A_forged_signature_is_refused_with_401_and_nothing_is_stored()
    {
        await using var bot = await BotHarness.StartAsync();
        var forger = new SlackRequestSigner("not-the-signing-secret");

        using var response = await bot.Client.SendAsync(forger.SlashCommand("/slack/commands", "U0ALICE", "C1", "request payments-db readonly 1h INC-1 x"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(bot);
    }

    [RedisFact]
    public async Task A_six_minute_old_timestamp_is_refused_with_401_and_nothing_is_stored()
    {
        await using var bot = await BotHarness.StartAsync();

        using var response = await bot.CommandAsync("U0ALICE", "request payments-db readonly 1h INC-1 x", DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingStoredAsync(bot);
    }

    [RedisFact]
    public async Task A_replayed_click_with_an_old_timestamp_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 1h INC-1 x");
        var signer = new SlackRequestSigner(BotHarness.SigningSecret);

        using var response = await bot.Client.SendAsync(
            signer.ButtonClick("/slack/interactions", "U0BOB", BotHarness.ApproverChannel, "jit.approve", id, DateTimeOffset.UtcNow.AddMinutes(-6)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("0 of 1", await bot.CommandTextAsync("U0ALICE", "list"), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        await using var bot = await BotHarness.StartAsync();
        var signer = new SlackRequestSigner(BotHarness.SigningSecret);
        using var original = signer.SlashCommand("/slack/commands", "U0ALICE", "C1", "list");
        var tampered = Encoding.UTF8.GetBytes(SlackRequestSigner.FormEncode(SlackRequestSigner.SlashCommandFields("U0BOB", "C1", "list")));
        using var request = SlackRequestSigner.Unsigned("/slack/commands", tampered, SlackRequestSigner.FormContentType);
        foreach (var header in original.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [RedisFact]
    public async Task Events_answer_the_url_verification_challenge_only_when_signed()
    {
        await using var bot = await BotHarness.StartAsync();
        var signer = new SlackRequestSigner(BotHarness.SigningSecret);

        using var signed = await bot.Client.SendAsync(signer.Event("/slack/events", SlackPayloads.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unsigned = await bot.Client.SendAsync(SlackRequestSigner.Unsigned(
            "/slack/events", Encoding.UTF8.GetBytes(SlackPayloads.UrlVerification("x")), "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [RedisFact]
    public async Task No_secret_reaches_the_logs_through_a_whole_lifecycle_with_failures()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Webhook.FailNext(1);
        bot.Slack.RateLimitNext("chat.postMessage");
        var id = await bot.RequestAsync("U0ALICE", "request payments-db readonly 4s INC-1 x");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        using (await bot.Client.SendAsync(new SlackRequestSigner("forged").SlashCommand("/slack/commands", "U0ALICE", "C1", "list")))
        {
        }

        await bot.Webhook.WaitForCallAsync("revoke", id, Wait);
        await bot.AuditLineAsync(id, "grant.revoked");

        var logs = bot.Logs.All;
        Assert.NotEmpty(bot.Logs.Lines);
        Assert.DoesNotContain(BotHarness.BotToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHarness.SigningSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHarness.WebhookSecret, logs, StringComparison.Ordinal);
        var audit = string.Join('\n', bot.AuditLines(id).Select(l => l.Arg("text")));
        Assert.DoesNotContain(BotHarness.WebhookSecret, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHarness.BotToken, audit, StringComparison.Ordinal);
    }

    private static async Task AssertNothingStoredAsync(BotHarness bot)
    {
        var store = bot.Services.GetRequiredService<IRequestStore>();
        Assert.Empty(await store.ListByRequesterAsync("alice@example.com", CancellationToken.None));
        Assert.Empty(await store.ListByStatusAsync(RequestStatus.Pending, CancellationToken.None));
        Assert.Empty(bot.Slack.Calls());
    }
}
