namespace JitBot.Core.Common;

/// <summary>The chat platforms JitBot speaks.</summary>
public enum Platform
{
    Slack,
    Teams,
}
