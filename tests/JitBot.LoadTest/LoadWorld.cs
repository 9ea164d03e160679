using JitBot.LoadTest.Webhook;
using JitBot.Testing.Slack;

namespace JitBot.LoadTest;

/// <summary>
/// The host under load and its world: a fake Slack Web API and a webhook receiver on 127.0.0.1, a policy in a
/// temp folder, a Redis key prefix of its own (deleted at the end).
/// </summary>
internal sealed class LoadWorld : IAsyncDisposable
{
    public const string SigningSecret = "load-signing-secret-3c9e1a7f5b";
    public const string BotToken = "xoxb-load-bot-token-8a1d4e7c2f";
    public const string WebhookSecret = "load-webhook-secret-6f2b9d4a1e";
    public const string ApproverChannel = "C0LOADAPPROVE";
    public const string AuditChannel = "C0LOADAUDIT";
    public const string CommandChannel = "C0LOADGENERAL";
    public const string Connector = "app-db";
    public const int RequesterCount = 200;
    public const int ApproverCount = 5;

    private readonly string policyFolder;
    private LoadBotFactory? factory;

    private LoadWorld(LoadOptions options, FakeSlackServer slack, IWebhookSink webhook, string policyFolder)
    {
        Options = options;
        Slack = slack;
        Webhook = webhook;
        this.policyFolder = policyFolder;
        Prefix = $"loadtest:{Guid.NewGuid():N}:";
    }

    public LoadOptions Options { get; }

    public FakeSlackServer Slack { get; }

    public IWebhookSink Webhook { get; }

    public string Prefix { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host's services, for read-only probes (Hangfire's queue lengths).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("the host is not running");

    public static string Requester(int n) => $"U0REQ{n % RequesterCount:D3}";

    public static string Approver(int n) => $"U0APR{n % ApproverCount}";

    public static async Task<LoadWorld> StartAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var slack = await FakeSlackServer.StartAsync(BotToken, cancellationToken);
        for (var i = 0; i < RequesterCount; i++)
        {
            slack.AddUser(Requester(i), $"req{i:D3}@load.example.com", $"Requester {i:D3}");
        }

        for (var i = 0; i < ApproverCount; i++)
        {
            slack.AddUser(Approver(i), $"approver{i}@load.example.com", $"Approver {i}");
        }

        var webhook = options.Receiver == "fake"
            ? await FakeReceiverSink.StartAsync(WebhookSecret, cancellationToken)
            : await LeanWebhookReceiver.StartAsync(WebhookSecret, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("jitbot-load-policies-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "load.yaml"), Policy(LoadPlan.AllResourceCount(options)), cancellationToken);
        var world = new LoadWorld(options, slack, webhook, folder);
        world.factory = new LoadBotFactory(world.Settings());
        world.Client = world.factory.CreateClient();
        return world;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Slack.DisposeAsync();
        await Webhook.DisposeAsync();
        Directory.Delete(policyFolder, recursive: true);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Redis:ConnectionString"] = Options.Embedded ? "" : Options.Redis,
        ["Redis:Prefix"] = Prefix,
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:BotToken"] = BotToken,
        ["Slack:ApiBaseUrl"] = Slack.BaseUrl,
        ["Audit:SlackChannel"] = AuditChannel,
        ["Policies:Path"] = policyFolder,
        [$"Connectors:{Connector}:Type"] = "webhook",
        [$"Connectors:{Connector}:Url"] = Webhook.Url,
        [$"Connectors:{Connector}:Secret"] = WebhookSecret,
        ["Jit:PendingTimeout"] = "1h",
        ["Scheduling:PollInterval"] = Options.PollInterval,
        ["Scheduling:WorkerCount"] = Options.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>One team, <paramref name="resources"/> resources on one webhook connector: anyone may request, one approval.</summary>
    private static string Policy(int resources)
    {
        var approvers = string.Join(", ", Enumerable.Range(0, ApproverCount).Select(i => $"approver{i}@load.example.com"));
        var yaml = new System.Text.StringBuilder($"team: loadtest\ngroups:\n  approvers: [{approvers}]\nresources:\n");
        for (var i = 0; i < resources; i++)
        {
            yaml.Append($$"""
                  {{LoadPlan.Resource(i)}}:
                    description: Load test database {{i}}
                    connector: {{Connector}}
                    requesters: ["*"]
                    approvers: [group:approvers]
                    channels: { slack: {{ApproverChannel}} }
                    roles:
                      readonly: { maxDuration: 1h, approvals: 1 }

                """);
        }

        return yaml.ToString();
    }
}
