namespace JitBot.LoadTest;

/// <summary>
/// One request of the scenario: what is sent, and when each step was seen. The command's answer and the card may
/// arrive in either order; whichever comes second makes the request ready for its approval click (once).
/// </summary>
internal sealed class RequestTrack(int index, string requester, string resource, int durationSeconds, bool inBurst)
{
    private readonly Lock gate = new();
    private bool clickClaimed;

    public int Index { get; } = index;

    public string Requester { get; } = requester;

    public string Resource { get; } = resource;

    public int DurationSeconds { get; } = durationSeconds;

    /// <summary>Approved with the others of the burst so that their grants expire in the same second.</summary>
    public bool InBurst { get; } = inBurst;

    public DateTimeOffset? CommandSentAt { get; set; }

    public DateTimeOffset? CommandAnsweredAt { get; set; }

    public string? Failure { get; set; }

    public string? Id { get; private set; }

    public DateTimeOffset? CardAt { get; private set; }

    public DateTimeOffset? ClickSentAt { get; set; }

    public DateTimeOffset? ClickAnsweredAt { get; set; }

    public string CommandText => $"request {Resource} readonly {DurationSeconds}s LOAD-{Index} load test";

    /// <summary>The command was answered with this id. True when the card was already seen and the click is now due.</summary>
    public bool Filed(string id)
    {
        lock (gate)
        {
            Id = id;
            return ClaimClick();
        }
    }

    /// <summary>The card showed up at <paramref name="at"/>. True when the id is known and the click is now due.</summary>
    public bool CardSeen(DateTimeOffset at)
    {
        lock (gate)
        {
            CardAt ??= at;
            return ClaimClick();
        }
    }

    /// <summary>For burst requests: true (once) when id and card are both known.</summary>
    public bool ReadyForBurst()
    {
        lock (gate)
        {
            return Id is not null && CardAt is not null;
        }
    }

    private bool ClaimClick()
    {
        if (InBurst || clickClaimed || Id is null || CardAt is null)
        {
            return false;
        }

        clickClaimed = true;
        return true;
    }
}
