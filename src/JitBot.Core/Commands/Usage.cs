namespace JitBot.Core.Commands;

/// <summary>The right form of each command, shown with every mistake.</summary>
public static class Usage
{
    public const string Request = "request <resource> [<role>] <duration> <reason…>   e.g. request payments-db readonly 2h INC-4312 checking lag";
    public const string Approve = "approve <id>";
    public const string Deny = "deny <id> [<reason…>]";
    public const string Cancel = "cancel <id>";
    public const string Revoke = "revoke <id>";
    public const string Audit = "audit [user:<email>] [resource:<id>] [since:<duration>]";
    public const string Extend = "extend <id> [<duration>]";

    public static string All { get; } = string.Join('\n',
        "JitBot: just-in-time access. Commands:",
        "• " + Request,
        "• list: my pending requests and active grants",
        "• pending: requests waiting for my decision",
        "• " + Approve + " / " + Deny,
        "• " + Cancel + ": withdraw my pending request",
        "• " + Revoke + ": end an active grant now",
        "• " + Extend + ": ask for more time on my active grant",
        "• resources: what I may request, with roles and limits",
        "• " + Audit + ": recent audit events (admins)",
        "• help: this text",
        "Durations: 90s, 15m, 2h, 1d.");
}
