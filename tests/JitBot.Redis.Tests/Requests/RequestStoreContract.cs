using JitBot.Core.Requests;
using JitBot.Redis.Tests.Infrastructure;

namespace JitBot.Redis.Tests.Requests;

/// <summary>What every <see cref="IRequestStore"/> does; one subclass per implementation.</summary>
public abstract class RequestStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IRequestStore Store { get; }

    [ContractFact]
    public async Task A_full_request_round_trips_with_version_1()
    {
        var request = Some.FullRequest("JIT-7") with { Version = 42 };

        await Store.CreateAsync(request, None);
        var stored = await Store.GetAsync("JIT-7", None);

        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(request.Votes, stored.Votes);
        Assert.Equal(request.Cards, stored.Cards);
        Assert.Equal(request.Stages, stored.Stages);
        Assert.Equal(request.AppliedExtensions, stored.AppliedExtensions);
        Assert.Equal(request with { Votes = stored.Votes, Cards = stored.Cards, Stages = stored.Stages, AppliedExtensions = stored.AppliedExtensions, Version = 1 }, stored);
        Assert.Equal(TimeSpan.FromHours(1), stored.CreatedAt.Offset);
        Assert.Equal(request.ActiveAt!.Value.UtcTicks, stored.ActiveAt!.Value.UtcTicks);
        Assert.Equal("U0ALICE", stored.Requester.SlackUserId);
    }

    [ContractFact]
    public async Task An_unknown_request_is_null() => Assert.Null(await Store.GetAsync("JIT-404", None));

    [ContractFact]
    public async Task Creating_an_existing_id_throws_and_keeps_the_first()
    {
        await Store.CreateAsync(Some.Request("JIT-1"), None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateAsync(Some.Request("JIT-1") with { Reason = "second" }, None));
        Assert.Equal("INC-4312 replication lag", (await Store.GetAsync("JIT-1", None))!.Reason);
    }

    [ContractFact]
    public async Task Replacing_from_the_stored_version_stores_the_next_version()
    {
        await Store.CreateAsync(Some.Request("JIT-2"), None);
        var current = (await Store.GetAsync("JIT-2", None))!;

        var replaced = await Store.TryReplaceAsync(current, current with { Reason = "changed" }, None);

        Assert.True(replaced);
        var stored = (await Store.GetAsync("JIT-2", None))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal("changed", stored.Reason);
    }

    [ContractFact]
    public async Task Replacing_from_a_stale_version_changes_nothing()
    {
        await Store.CreateAsync(Some.Request("JIT-3"), None);
        var current = (await Store.GetAsync("JIT-3", None))!;
        Assert.True(await Store.TryReplaceAsync(current, current with { Reason = "first" }, None));

        var replaced = await Store.TryReplaceAsync(current, current with { Reason = "second" }, None);

        Assert.False(replaced);
        var stored = (await Store.GetAsync("JIT-3", None))!;
        Assert.Equal(("first", 2L), (stored.Reason, stored.Version));
    }

    [ContractFact]
    public async Task Replacing_a_missing_request_is_refused()
    {
        var ghost = Some.Request("JIT-9") with { Version = 1 };

        Assert.False(await Store.TryReplaceAsync(ghost, ghost with { Reason = "x" }, None));
        Assert.Null(await Store.GetAsync("JIT-9", None));
    }

    [ContractFact]
    public async Task Replacing_with_another_id_throws()
    {
        await Store.CreateAsync(Some.Request("JIT-4"), None);
        var current = (await Store.GetAsync("JIT-4", None))!;

        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryReplaceAsync(current, current with { Id = "JIT-5" }, None));
    }

    [ContractFact]
    public async Task Of_50_concurrent_replacements_from_one_version_exactly_one_wins()
    {
        await Store.CreateAsync(Some.Request("JIT-10"), None);
        var current = (await Store.GetAsync("JIT-10", None))!;

        var attempts = Enumerable.Range(0, 50)
            .Select(i => Task.Run(() => Store.TryReplaceAsync(current, current with { Reason = $"attempt {i}" }, None)));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
        var stored = (await Store.GetAsync("JIT-10", None))!;
        Assert.Equal(2, stored.Version);
        Assert.StartsWith("attempt ", stored.Reason, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task A_status_change_moves_the_request_between_status_lists()
    {
        await Store.CreateAsync(Some.Request("JIT-11"), None);
        await Store.CreateAsync(Some.Request("JIT-12"), None);
        Assert.Equal(["JIT-11", "JIT-12"], Ids(await Store.ListByStatusAsync(RequestStatus.Pending, None)));
        var current = (await Store.GetAsync("JIT-11", None))!;

        Assert.True(await Store.TryReplaceAsync(current, current with { Status = RequestStatus.Approved }, None));

        Assert.Equal(["JIT-12"], Ids(await Store.ListByStatusAsync(RequestStatus.Pending, None)));
        var approved = Assert.Single(await Store.ListByStatusAsync(RequestStatus.Approved, None));
        Assert.Equal(("JIT-11", RequestStatus.Approved, 2L), (approved.Id, approved.Status, approved.Version));
        Assert.Empty(await Store.ListByStatusAsync(RequestStatus.Active, None));
    }

    [ContractFact]
    public async Task Listing_by_requester_finds_theirs_newest_first_whatever_the_case_of_the_email()
    {
        await Store.CreateAsync(Some.Request("JIT-20", createdAt: Some.Now), None);
        await Store.CreateAsync(Some.Request("JIT-21", createdAt: Some.Now.AddMinutes(5)), None);
        await Store.CreateAsync(Some.Request("JIT-22", Some.Bob, Some.Now.AddMinutes(10)), None);
        await Store.CreateAsync(Some.Request("JIT-23", createdAt: Some.Now.AddMinutes(1)), None);

        var mine = await Store.ListByRequesterAsync("Alice@Example.com", None);

        Assert.Equal(["JIT-21", "JIT-23", "JIT-20"], Ids(mine));
        Assert.All(mine, r => Assert.Equal(1, r.Version));
        Assert.Empty(await Store.ListByRequesterAsync("nobody@example.com", None));
    }

    [ContractFact]
    public async Task Two_hundred_concurrent_numbers_are_all_different()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => Store.NextNumberAsync(None))));

        Assert.Equal(200, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(n, 1, 200));
    }

    [ContractFact]
    public async Task A_store_that_answers_pings_true() => Assert.True(await Store.PingAsync(None));

    private static string[] Ids(IEnumerable<AccessRequest> requests) => requests.Select(r => r.Id).ToArray();
}
