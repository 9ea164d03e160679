namespace JitBot.LoadTest.Webhook;

/// <summary>A webhook endpoint on loopback that the host's connector calls, and what it received.</summary>
internal interface IWebhookSink : IAsyncDisposable
{
    string Name { get; }

    string Url { get; }

    /// <summary>Calls received so far, in order of arrival.</summary>
    IReadOnlyList<WebhookHit> Hits();
}
