namespace JitBot.Slack.Security;

/// <summary>The verdict on an inbound request's signature; <see cref="Failure"/> is a short reason.</summary>
internal sealed record SignatureCheck(string? Failure)
{
    public static SignatureCheck Valid { get; } = new((string?)null);

    public bool IsValid => Failure is null;

    public static SignatureCheck Fail(string reason) => new(reason);
}
