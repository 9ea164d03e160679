using JitBot.Core.Requests;

namespace JitBot.Teams.Cards;

/// <summary>Pure decisions about who a card speaks to: who may decide, who is still asked, what one viewer may do.</summary>
internal static class CardAudience
{
    /// <summary>Universal Actions refreshes a card by itself for at most this many listed users.</summary>
    public const int MaxRefreshUsers = 60;

    /// <summary>The eligible approvers other than the requester, in a stable order.</summary>
    public static IReadOnlyList<string> Deciders(AccessRequest request, IEnumerable<string> eligible) =>
        eligible.Where(e => !request.Requester.IsSameAs(e))
            .Select(e => e.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The deciders still asked: none once the request is decided.</summary>
    public static IReadOnlyList<string> Asked(AccessRequest request, IEnumerable<string> eligible) =>
        request.Status != RequestStatus.Pending
            ? []
            : Deciders(request, eligible).Where(e => !request.Votes.Any(v => string.Equals(v.Email, e, StringComparison.OrdinalIgnoreCase))).ToList();

    public static CardViewer Classify(AccessRequest request, string viewerEmail, IEnumerable<string> eligible)
    {
        if (request.Requester.IsSameAs(viewerEmail))
        {
            return CardViewer.Requester;
        }

        if (request.Votes.Any(v => string.Equals(v.Email, viewerEmail, StringComparison.OrdinalIgnoreCase)))
        {
            return CardViewer.Voted;
        }

        return eligible.Contains(viewerEmail, StringComparer.OrdinalIgnoreCase) ? CardViewer.Approver : CardViewer.NotApprover;
    }
}
