namespace JitBot.Teams.Cards;

/// <summary>Who a card is rendered for: the shared message everyone sees, or one person's refreshed view.</summary>
internal enum CardViewer
{
    /// <summary>The message as posted and updated for the whole conversation.</summary>
    Everyone,

    /// <summary>An eligible approver who has not voted: gets the buttons.</summary>
    Approver,

    /// <summary>The requester: sees the status, can't vote on their own request.</summary>
    Requester,

    /// <summary>An approver who has voted already.</summary>
    Voted,

    /// <summary>Anyone else: sees the status and who is being asked.</summary>
    NotApprover,
}
