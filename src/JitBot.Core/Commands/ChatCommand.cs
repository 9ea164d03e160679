namespace JitBot.Core.Commands;

/// <summary>A chat command, parsed but not yet checked against policy.</summary>
public abstract record ChatCommand
{
    private protected ChatCommand()
    {
    }

    public sealed record Request(string Resource, string? Role, string DurationText, string Reason) : ChatCommand;

    public sealed record OpenForm : ChatCommand;

    public sealed record List : ChatCommand;

    public sealed record Pending : ChatCommand;

    public sealed record Approve(string RequestId) : ChatCommand;

    public sealed record Deny(string RequestId, string? Reason) : ChatCommand;

    public sealed record Cancel(string RequestId) : ChatCommand;

    public sealed record Revoke(string RequestId) : ChatCommand;

    /// <summary>No duration: as long as the grant first was, within what the role still allows.</summary>
    public sealed record Extend(string RequestId, string? DurationText) : ChatCommand;

    public sealed record Resources : ChatCommand;

    public sealed record Audit(string? User, string? Resource, TimeSpan? Since) : ChatCommand;

    public sealed record Help : ChatCommand;

    /// <summary>Words that are not a command, with what was wrong and the right form.</summary>
    public sealed record Invalid(string Problem, string Usage) : ChatCommand;
}
