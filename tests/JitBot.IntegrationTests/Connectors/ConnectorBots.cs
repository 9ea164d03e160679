using System.Text.RegularExpressions;
using JitBot.Core.Grants;
using JitBot.IntegrationTests.Infrastructure;
using JitBot.Testing.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JitBot.IntegrationTests.Connectors;

/// <summary>Bots whose resources are granted by the postgres and redis-acl connectors, and the request flow they share.</summary>
internal static partial class ConnectorBots
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public const string Policy = """
        team: data
        groups:
          oncall: [alice@example.com, dave@example.com]
          leads: [bob@example.com, erin@example.com]
        resources:
          orders-db:
            description: Orders PostgreSQL
            connector: orders-db
            requesters: [group:oncall]
            approvers: [group:leads]
            channels: { slack: C0PAYAPPROVE }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
          cache-prod:
            description: Production Redis cache
            connector: cache
            requesters: [group:oncall]
            approvers: [group:leads]
            channels: { slack: C0PAYAPPROVE }
            roles:
              reader: { maxDuration: 4h, approvals: 1 }
        """;

    /// <summary>A bot whose <c>orders-db</c> is the test PostgreSQL in <paramref name="mode"/> and whose <c>cache</c> is the test Redis.</summary>
    public static async Task<BotHarness> StartAsync(PostgresWorld world, string mode, Action<Dictionary<string, string?>>? configure = null)
    {
        var bot = await BotHarness.CreateAsync(policy: Policy);
        bot.Settings["Connectors:orders-db:Type"] = "postgres";
        bot.Settings["Connectors:orders-db:ConnectionString"] = PostgresWorld.BotConnectionString;
        bot.Settings["Connectors:orders-db:Mode"] = mode;
        bot.Settings["Connectors:orders-db:Roles:readonly"] = world.ReaderRole;
        bot.Settings["Connectors:cache:Type"] = "redis-acl";
        bot.Settings["Connectors:cache:ConnectionString"] = TestServers.RequireRedis();
        bot.Settings["Connectors:cache:Roles:reader"] = "~cache:* +@read";

        // Reconciliation runs when a test asks for it (through the bot's own Reconciler), not on a clock.
        bot.Settings["Scheduling:ReconcileCron"] = "0 0 1 1 *";
        configure?.Invoke(bot.Settings);
        await bot.StartBotAsync();
        return bot;
    }

    /// <summary>Alice asks, Bob approves; returns the request id once the grant is active.</summary>
    public static async Task<string> GrantedAsync(BotHarness bot, string resourceAndRole, string duration)
    {
        var id = await bot.RequestAsync("U0ALICE", $"request {resourceAndRole} {duration} INC-7 checking orders");
        using (await bot.ClickAsync("U0BOB", "jit.approve", id))
        {
        }

        await bot.AuditLineAsync(id, "grant.active", Wait);
        return id;
    }

    /// <summary>The connection string in the requester's DM.</summary>
    public static async Task<Uri> CredentialsDmAsync(BotHarness bot, string requestId, string scheme)
    {
        var dm = await bot.DmAsync("U0ALICE", requestId, scheme + "://", Wait);
        return new Uri(ConnectionString().Match(dm.Arg("text")!).Value);
    }

    /// <summary>One reconciliation pass, as the recurring job runs it.</summary>
    public static Task ReconcileAsync(this BotHarness bot) => bot.Services.GetRequiredService<Reconciler>().RunAsync(CancellationToken.None);

    public static IAccessConnector Connector(this BotHarness bot, string name) => bot.Services.GetRequiredService<IConnectorRegistry>().Get(name);

    public static Task<IReadOnlyList<ActiveAccess>> ListActiveAsync(this BotHarness bot, string connector) =>
        bot.Connector(connector).ListActiveAsync(CancellationToken.None);

    /// <summary>The audit line about <paramref name="name"/> (a login, ACL user or membership) of type <paramref name="eventType"/>.</summary>
    public static Task<JitBot.Testing.Slack.SlackApiCall> AuditAboutAsync(this BotHarness bot, string eventType, string name) =>
        bot.Slack.WaitForCallAsync("chat.postMessage",
            c => c.Arg("channel") == BotHarness.AuditChannel && (c.Arg("text") ?? "").Contains(eventType, StringComparison.Ordinal) && (c.Arg("text") ?? "").Contains(name, StringComparison.Ordinal),
            Wait);

    public static string Password(Uri uri) => Uri.UnescapeDataString(uri.UserInfo.Split(':')[1]);

    [GeneratedRegex(@"(postgresql|redis)://\S+")]
    private static partial Regex ConnectionString();
}
