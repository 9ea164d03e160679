using JitBot.Core.Audit;
using JitBot.Redis.Audit;
using JitBot.Redis.Tests.Infrastructure;

namespace JitBot.Redis.Tests.Audit;

/// <summary>What every audit log does (append, get, query, chain verification); one subclass per implementation.</summary>
public abstract class AuditLogContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IAuditLog Log { get; }

    protected IAuditChainVerifier Verifier => (IAuditChainVerifier)Log;

    /// <summary>Rewrites an entry's fields in place, leaving its hashes, as someone editing the trail by hand would.</summary>
    protected abstract Task TamperAsync(string id, AuditEvent edited);

    [ContractFact]
    public async Task An_appended_event_gets_an_id_and_reads_back_the_same()
    {
        var written = Some.Event(at: new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(2))) with
        {
            Detail = "INC-4312 \"lag\", ünïcode",
            Revocation = "early",
        };

        var appended = await Log.AppendAsync(written, None);
        var read = await Log.GetAsync(appended.Id, None);

        Assert.NotEqual("", appended.Id);
        Assert.Equal(written with { Id = appended.Id }, appended);
        Assert.Equal(appended, read);
        Assert.Equal(TimeSpan.Zero, read!.At.Offset);
    }

    [ContractFact]
    public async Task Missing_detail_and_revocation_read_back_as_null()
    {
        var appended = await Log.AppendAsync(Some.Event(), None);

        var read = (await Log.GetAsync(appended.Id, None))!;

        Assert.Null(read.Detail);
        Assert.Null(read.Revocation);
    }

    [ContractFact]
    public async Task Ids_are_distinct_and_increase()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Log.AppendAsync(Some.Event(), None)).Id);
        }

        Assert.Equal(ids.Order(StreamIdComparer.Instance), ids);
        Assert.Equal(5, ids.Distinct().Count());
    }

    [ContractFact]
    public async Task Reading_after_a_place_pages_through_the_trail_in_order()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Log.AppendAsync(Some.Event() with { Detail = $"#{i}" }, None)).Id);
        }

        var first = await Log.ReadAfterAsync(null, 3, None);
        var rest = await Log.ReadAfterAsync(first[^1].Id, 3, None);
        var none = await Log.ReadAfterAsync(ids[^1], 3, None);

        Assert.Equal(ids, first.Concat(rest).Select(e => e.Id));
        Assert.Equal(["#0", "#1", "#2", "#3", "#4"], first.Concat(rest).Select(e => e.Detail));
        Assert.Empty(none);
        await Assert.ThrowsAsync<ArgumentException>(() => Log.ReadAfterAsync("not-an-id", 3, None));
    }

    [ContractFact]
    public async Task An_unknown_or_malformed_id_is_null()
    {
        await Log.AppendAsync(Some.Event(), None);

        Assert.Null(await Log.GetAsync("999999-0", None));
        Assert.Null(await Log.GetAsync("not-an-id", None));
        Assert.Null(await Log.GetAsync("", None));
    }

    [ContractFact]
    public async Task A_user_filter_matches_requester_or_actor_whatever_the_case()
    {
        await Log.AppendAsync(Some.Event(requestId: "JIT-1", requester: "alice@example.com", actor: "alice@example.com"), None);
        await Log.AppendAsync(Some.Event(requestId: "JIT-1", requester: "alice@example.com", actor: "bob@example.com"), None);
        await Log.AppendAsync(Some.Event(requestId: "JIT-2", requester: "carol@example.com", actor: "carol@example.com"), None);
        await Log.AppendAsync(Some.Event(requestId: "JIT-3", requester: "dave@example.com", actor: "BOB@example.com"), None);

        var bob = await Log.QueryAsync(new AuditQuery(User: "Bob@Example.com"), None);

        Assert.Equal(["JIT-1", "JIT-3"], bob.Select(e => e.RequestId));
    }

    [ContractFact]
    public async Task Resource_request_and_since_filters_combine()
    {
        await Log.AppendAsync(Some.Event(requestId: "JIT-1", resource: "payments-db", at: Some.Now), None);
        await Log.AppendAsync(Some.Event(requestId: "JIT-2", resource: "orders-db", at: Some.Now.AddMinutes(10)), None);
        await Log.AppendAsync(Some.Event(requestId: "JIT-1", resource: "payments-db", at: Some.Now.AddMinutes(20), type: AuditEventTypes.Approved), None);
        await Log.AppendAsync(Some.Event(requestId: "JIT-3", resource: "Payments-DB", at: Some.Now.AddMinutes(30)), None);

        var payments = await Log.QueryAsync(new AuditQuery(Resource: "payments-db"), None);
        var jit1 = await Log.QueryAsync(new AuditQuery(RequestId: "jit-1"), None);
        var recent = await Log.QueryAsync(new AuditQuery(Resource: "payments-db", Since: Some.Now.AddMinutes(15)), None);

        Assert.Equal(["JIT-1", "JIT-1", "JIT-3"], payments.Select(e => e.RequestId));
        Assert.Equal([AuditEventTypes.Submitted, AuditEventTypes.Approved], jit1.Select(e => e.Type));
        Assert.Equal(["JIT-1", "JIT-3"], recent.Select(e => e.RequestId));
    }

    [ContractFact]
    public async Task A_limit_keeps_the_newest_matches_oldest_first_across_pages()
    {
        for (var i = 1; i <= 450; i++)
        {
            var resource = i % 3 == 0 ? "orders-db" : "payments-db";
            await Log.AppendAsync(Some.Event(requestId: $"JIT-{i}", resource: resource, at: Some.Now.AddSeconds(i)), None);
        }

        var newest = await Log.QueryAsync(new AuditQuery(Limit: 3), None);
        var orders = await Log.QueryAsync(new AuditQuery(Resource: "orders-db", Limit: 1000), None);
        var none = await Log.QueryAsync(new AuditQuery(Limit: 0), None);

        Assert.Equal(["JIT-448", "JIT-449", "JIT-450"], newest.Select(e => e.RequestId));
        Assert.Equal(150, orders.Count);
        Assert.Equal(("JIT-3", "JIT-450"), (orders[0].RequestId, orders[^1].RequestId));
        Assert.Empty(none);
    }

    [ContractFact]
    public async Task An_empty_trail_is_an_intact_chain()
    {
        var report = await Verifier.VerifyChainAsync(None);

        Assert.Equal(AuditChainReport.Intact(0), report);
    }

    [ContractFact]
    public async Task Concurrent_appends_keep_the_chain_intact()
    {
        await Task.WhenAll(Enumerable.Range(1, 100).Select(i => Task.Run(() => Log.AppendAsync(Some.Event(requestId: $"JIT-{i}"), None))));

        var report = await Verifier.VerifyChainAsync(None);

        Assert.True(report.IsIntact, report.ToString());
        Assert.Equal(100, report.EntriesChecked);
    }

    [ContractFact]
    public async Task An_edited_entry_breaks_the_chain_at_that_entry()
    {
        await Log.AppendAsync(Some.Event(requestId: "JIT-1"), None);
        var approved = await Log.AppendAsync(Some.Event(requestId: "JIT-1", type: AuditEventTypes.Approved, actor: "bob@example.com"), None);
        await Log.AppendAsync(Some.Event(requestId: "JIT-1", type: AuditEventTypes.Active), None);

        await TamperAsync(approved.Id, approved with { Actor = "mallory@example.com" });
        var report = await Verifier.VerifyChainAsync(None);

        Assert.False(report.IsIntact);
        Assert.Equal((approved.Id, 2L), (report.BrokenAt, report.EntriesChecked));
        Assert.Contains("edited", report.Problem, StringComparison.Ordinal);
    }
}
