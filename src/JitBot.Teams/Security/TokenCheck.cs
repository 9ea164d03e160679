namespace JitBot.Teams.Security;

/// <summary>The verdict on an inbound token: the <c>serviceurl</c> it vouches for, or a short reason it was refused.</summary>
internal sealed record TokenCheck(string? ServiceUrl, string? Failure)
{
    public bool IsValid => Failure is null;

    public static TokenCheck Valid(string serviceUrl) => new(serviceUrl, null);

    public static TokenCheck Fail(string reason) => new(null, reason);
}
