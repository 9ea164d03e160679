using JitBot.Core.Commands;
using JitBot.Slack.People;

namespace JitBot.Slack.Endpoints.Actions;

/// <summary>
/// A click that needs to know who clicked: the clicker is looked up (email from users.info, within the 3-second
/// budget) first; a person Slack can't tell us about is told why and nothing else happens.
/// </summary>
internal abstract class PersonActionHandler(SlackDirectory directory) : ISlackActionHandler
{
    public abstract string ActionId { get; }

    public async Task<string?> HandleAsync(SlackClick click, CancellationToken cancellationToken)
    {
        var lookup = await directory.FindPersonAsync(click.UserId, SlackRequestReader.LookupBudget, cancellationToken);
        return lookup.Person is { } person
            ? await RunAsync(new ChatContext(person, click.ChannelId), click, cancellationToken)
            : lookup.Problem;
    }

    protected abstract Task<string?> RunAsync(ChatContext clicker, SlackClick click, CancellationToken cancellationToken);
}
