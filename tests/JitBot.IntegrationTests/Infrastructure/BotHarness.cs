using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JitBot.Testing.Infrastructure;
using JitBot.Testing.Slack;
using JitBot.Testing.Webhook;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>
/// One bot under test with its world: a fake Slack Web API and a webhook receiver on loopback, a key prefix
/// of its own on the real Redis, test policies in a temp folder. The bot can be stopped and started again
/// on the same Redis keys, or run as a separate process that a test kills.
/// </summary>
internal sealed partial class BotHarness : IAsyncDisposable
{
    public const string SigningSecret = "slack-signing-secret-7f3a9c1e5b";
    public const string BotToken = "xoxb-bot-token-4d2e8a6f0c1b";
    public const string WebhookSecret = "webhook-secret-9b8c7d6e5f4a";
    public const string ApproverChannel = "C0PAYAPPROVE";
    public const string AuditChannel = "C0AUDIT";
    public const string CommandChannel = "C0GENERAL";

    public const string Policy = """
        team: payments
        groups:
          oncall: [alice@example.com, dave@example.com]
          leads: [bob@example.com, erin@example.com, carol@example.com, alice@example.com]
        resources:
          payments-db:
            description: Payments production PostgreSQL
            connector: payments-db
            requesters: [group:oncall]
            approvers: [group:leads]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
              admin: { maxDuration: 1h, approvals: 2 }
        """;

    private readonly string policyFolder;
    private BotFactory? factory;

    private BotHarness(FakeSlackServer slack, FakeWebhookReceiver webhook, Dictionary<string, string?> settings, string policyFolder)
    {
        Slack = slack;
        Webhook = webhook;
        Settings = settings;
        this.policyFolder = policyFolder;
    }

    public FakeSlackServer Slack { get; }

    public FakeWebhookReceiver Webhook { get; }

    public Dictionary<string, string?> Settings { get; }

    public string PolicyFolder => policyFolder;

    public LogCapture Logs { get; } = new();

    /// <summary>The bot's clock (and the one Slack signs with); set before the bot starts.</summary>
    public TimeProvider Clock
    {
        get => Webhook.Clock;
        set => Webhook.Clock = value;
    }

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("the bot is not running");

    /// <summary>A harness on the test Redis (or the embedded store with <paramref name="redis"/> false), not yet started.</summary>
    public static async Task<BotHarness> CreateAsync(bool redis = true, string policy = Policy)
    {
        var slack = await FakeSlackServer.StartAsync(BotToken);
        slack.AddUser("U0ALICE", "alice@example.com", "Alice");
        slack.AddUser("U0BOB", "bob@example.com", "Bob");
        slack.AddUser("U0ERIN", "erin@example.com", "Erin");
        slack.AddUser("U0CAROL", "carol@example.com", "Carol");
        slack.AddUser("U0MALLORY", "mallory@example.com", "Mallory");
        var webhook = await FakeWebhookReceiver.StartAsync(WebhookSecret);
        var folder = Directory.CreateTempSubdirectory("jitbot-policies-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "payments.yaml"), policy);
        var settings = new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = redis ? TestServers.RequireRedis() : "",
            ["Redis:Prefix"] = TestServers.UniquePrefix("bot"),
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
            ["Audit:SlackChannel"] = AuditChannel,
            ["Policies:Path"] = folder,
            ["Connectors:payments-db:Type"] = "webhook",
            ["Connectors:payments-db:Url"] = webhook.Url,
            ["Connectors:payments-db:Secret"] = WebhookSecret,
            ["Jit:PendingTimeout"] = "1h",
            ["Jit:GrantRetryWindow"] = "20s",
            ["Jit:RevokeRetryWindow"] = "6s",
            ["Jit:RetryBaseDelay"] = "1s",
            ["Jit:Admins:0"] = "sec@example.com",
            ["Scheduling:PollInterval"] = "1s",
            ["Scheduling:WorkerCount"] = "8",
        };
        return new BotHarness(slack, webhook, settings, folder);
    }

    public static async Task<BotHarness> StartAsync(bool redis = true, Action<Dictionary<string, string?>>? configure = null, string policy = Policy)
    {
        var harness = await CreateAsync(redis, policy);
        configure?.Invoke(harness.Settings);
        await harness.StartBotAsync();
        return harness;
    }

    public Task StartBotAsync()
    {
        factory = new BotFactory(Settings, Logs, Clock);
        Client = factory.CreateClient();
        return Task.CompletedTask;
    }

    /// <summary>Stops the bot the way a deploy does (Hangfire shuts down, jobs in flight go back to the queue).</summary>
    public async Task StopBotAsync()
    {
        if (factory is not null)
        {
            Client.Dispose();
            await factory.DisposeAsync();
            factory = null;
        }
    }

    public Task<HttpResponseMessage> CommandAsync(string userId, string text, DateTimeOffset? at = null) =>
        Client.SendAsync(new SlackRequestSigner(SigningSecret, Clock).SlashCommand("/slack/commands", userId, CommandChannel, text, at));

    /// <summary>Sends the command and returns the ephemeral text of the answer.</summary>
    public async Task<string> CommandTextAsync(string userId, string text)
    {
        using var response = await CommandAsync(userId, text);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ephemeral", body.GetProperty("response_type").GetString());
        return body.GetProperty("text").GetString()!;
    }

    /// <summary>Files a request as <paramref name="userId"/> and returns its id.</summary>
    public async Task<string> RequestAsync(string userId, string text)
    {
        var answer = await CommandTextAsync(userId, text);
        var match = RequestId().Match(answer);
        Assert.True(match.Success, $"no request id in: {answer}");
        return match.Value;
    }

    public Task<HttpResponseMessage> ClickAsync(string userId, string actionId, string requestId) =>
        Client.SendAsync(new SlackRequestSigner(SigningSecret, Clock).ButtonClick("/slack/interactions", userId, ApproverChannel, actionId, requestId));

    /// <summary>The approval card as it stands now in the fake Slack (after posts and updates).</summary>
    public Task<SlackApiCall> CardPostedAsync(string requestId) =>
        Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == ApproverChannel && Mentions(c, requestId), TimeSpan.FromSeconds(10));

    public Task<SlackApiCall> DmAsync(string userId, string requestId, string contains, TimeSpan? timeout = null) =>
        Slack.WaitForCallAsync(
            "chat.postMessage",
            c => c.Arg("channel") == userId && (c.Arg("text") ?? "").Contains(requestId, StringComparison.Ordinal) && (c.Arg("text") ?? "").Contains(contains, StringComparison.Ordinal),
            timeout ?? TimeSpan.FromSeconds(10));

    public Task<SlackApiCall> AuditLineAsync(string requestId, string eventType, TimeSpan? timeout = null) =>
        Slack.WaitForCallAsync(
            "chat.postMessage",
            c => c.Arg("channel") == AuditChannel && (c.Arg("text") ?? "").Contains($"[{requestId}] {eventType} ", StringComparison.Ordinal),
            timeout ?? TimeSpan.FromSeconds(10));

    public IReadOnlyList<SlackApiCall> AuditLines(string requestId) =>
        Slack.Calls("chat.postMessage").Where(c => c.Arg("channel") == AuditChannel && (c.Arg("text") ?? "").Contains($"[{requestId}]", StringComparison.Ordinal)).ToList();

    public Task<SlackApiCall> EphemeralAsync(string userId, string contains) =>
        Slack.WaitForCallAsync("chat.postEphemeral", c => c.Arg("user") == userId && (c.Arg("text") ?? "").Contains(contains, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

    public static bool Mentions(SlackApiCall call, string requestId) =>
        (call.Arg("text") ?? "").Contains(requestId, StringComparison.Ordinal) || (call.Blocks?.ToJsonString() ?? "").Contains(requestId, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        await Slack.DisposeAsync();
        await Webhook.DisposeAsync();
        await DisposeTeamsAsync();
        Directory.Delete(policyFolder, recursive: true);
    }

    [GeneratedRegex(@"JIT-\d+")]
    private static partial Regex RequestId();
}
