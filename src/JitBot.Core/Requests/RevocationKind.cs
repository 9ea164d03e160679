namespace JitBot.Core.Requests;

/// <summary>Why a grant ended: its time ran out, or someone ended it early.</summary>
public enum RevocationKind
{
    AtExpiry,
    Early,
}
