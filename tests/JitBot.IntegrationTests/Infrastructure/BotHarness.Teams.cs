namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>The Teams side of the harness: a <see cref="TeamsWorld"/> started with the bot when a test asks for it.</summary>
internal sealed partial class BotHarness
{
    /// <summary>
    /// The test policy plus two resources with Teams approver channels: <c>payments-replica</c> (Teams only) and
    /// <c>payments-ledger</c> (both Slack and Teams).
    /// </summary>
    public const string TeamsPolicy = """
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
          payments-replica:
            description: Payments read replica
            connector: payments-db
            requesters: [group:oncall]
            approvers: [group:leads]
            channels: { teams: "19:approvers7f3a@thread.tacv2" }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
              admin: { maxDuration: 1h, approvals: 2 }
          payments-ledger:
            description: Payments ledger, approved from Slack or Teams
            connector: payments-db
            requesters: [group:oncall]
            approvers: [group:leads]
            channels: { slack: C0PAYAPPROVE, teams: "19:approvers7f3a@thread.tacv2" }
            roles:
              readonly: { maxDuration: 4h, approvals: 1 }
        """;

    private TeamsWorld? teams;

    public TeamsWorld Teams => teams ?? throw new InvalidOperationException("Teams is not set up: start the harness with StartTeamsAsync");

    /// <summary>A bot with Slack and Teams both enabled, on <paramref name="policy"/> (default <see cref="TeamsPolicy"/>).</summary>
    public static async Task<BotHarness> StartTeamsAsync(bool redis = true, Action<Dictionary<string, string?>>? configure = null, string policy = TeamsPolicy)
    {
        var harness = await CreateTeamsAsync(redis, policy);
        configure?.Invoke(harness.Settings);
        await harness.StartBotAsync();
        return harness;
    }

    /// <summary>
    /// The same, not yet started: set <see cref="Clock"/> first to put the bot (and the tokens Teams signs for it) at
    /// another moment, then <see cref="StartBotAsync"/>.
    /// </summary>
    public static async Task<BotHarness> CreateTeamsAsync(bool redis = true, string policy = TeamsPolicy)
    {
        var harness = await CreateAsync(redis, policy);
        harness.teams = await TeamsWorld.StartAsync(() => harness.Client, () => harness.Clock);
        harness.teams.Configure(harness.Settings);
        return harness;
    }

    private async ValueTask DisposeTeamsAsync()
    {
        if (teams is not null)
        {
            await teams.DisposeAsync();
        }
    }
}
