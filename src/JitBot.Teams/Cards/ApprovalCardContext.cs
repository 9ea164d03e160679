namespace JitBot.Teams.Cards;

/// <summary>
/// What a card needs beyond the request: who is still being asked (emails), the Teams user ids whose card refreshes
/// by itself (Universal Actions <c>refresh.userIds</c>), and whom this rendering is for.
/// </summary>
internal sealed record ApprovalCardContext(
    IReadOnlyList<string> Asked,
    IReadOnlyList<string> RefreshUserIds,
    CardViewer Viewer = CardViewer.Everyone,
    string? ViewerEmail = null)
{
    public static ApprovalCardContext None { get; } = new([], []);
}
