using System.Text.Json.Nodes;
using JitBot.Testing.Slack;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>The Slack modals and DM buttons side of the harness: clicks elsewhere than the approver channel, forms opened and submitted.</summary>
internal sealed partial class BotHarness
{
    private static readonly TimeSpan ModalWait = TimeSpan.FromSeconds(10);

    /// <summary>A click on a button of the message <paramref name="messageTs"/> in <paramref name="channel"/> (a DM is <c>D…</c>).</summary>
    public Task<HttpResponseMessage> ClickInAsync(string userId, string channel, string actionId, string value, string messageTs, string messageText) =>
        Client.SendAsync(new SlackRequestSigner(SigningSecret, Clock).ButtonClick("/slack/interactions", userId, channel, actionId, value, messageTs, messageText));

    /// <summary>Submits <paramref name="view"/> (as the bot opened it) with <paramref name="inputs"/> by block id.</summary>
    public Task<HttpResponseMessage> SubmitViewAsync(string userId, JsonObject view, IReadOnlyDictionary<string, string> inputs) =>
        Client.SendAsync(new SlackRequestSigner(SigningSecret, Clock).ViewSubmission("/slack/interactions", userId, view, inputs));

    /// <summary>Clicks Deny on the card of <paramref name="requestId"/>, waits for the reason modal and submits <paramref name="reason"/>.</summary>
    public async Task<HttpResponseMessage> DenyAsync(string userId, string requestId, string reason)
    {
        var opened = Slack.OpenedViews().Count;
        using (var click = await ClickAsync(userId, "jit.deny", requestId))
        {
            Assert.True(click.IsSuccessStatusCode);
        }

        var view = await Slack.WaitForAsync(() => Slack.OpenedViews().Skip(opened).FirstOrDefault(v => v["callback_id"]?.GetValue<string>() == "jit.deny_reason"), ModalWait);
        Assert.StartsWith(requestId + "|", view["private_metadata"]!.GetValue<string>(), StringComparison.Ordinal);
        return await SubmitViewAsync(userId, view, new Dictionary<string, string> { ["reason"] = reason });
    }

    /// <summary>The body of a view_submission answer: null for an empty 200 (the modal closes), else its JSON.</summary>
    public static async Task<JsonObject?> ViewAnswerAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}");
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
    }
}
