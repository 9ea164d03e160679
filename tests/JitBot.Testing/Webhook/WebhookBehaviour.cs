namespace JitBot.Testing.Webhook;

/// <summary>How the fake answers, as a test sets it: failures and delayed or held answers. Thread-safe.</summary>
internal sealed class WebhookBehaviour
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Func<CancellationToken, Task>> delays = new(StringComparer.Ordinal);
    private int failNext;
    private int failNextStatus = 500;
    private int? alwaysStatus;

    public void FailNext(int count, int statusCode)
    {
        lock (gate)
        {
            failNext = count;
            failNextStatus = statusCode;
        }
    }

    public void AnswerAlways(int statusCode)
    {
        lock (gate)
        {
            alwaysStatus = statusCode;
        }
    }

    public void Recover()
    {
        lock (gate)
        {
            failNext = 0;
            alwaysStatus = null;
        }
    }

    public void Delay(string eventName, Func<CancellationToken, Task>? wait)
    {
        lock (gate)
        {
            if (wait is null)
            {
                delays.Remove(eventName);
            }
            else
            {
                delays[eventName] = wait;
            }
        }
    }

    public void ClearDelays()
    {
        lock (gate)
        {
            delays.Clear();
        }
    }

    /// <summary>The status for the next authentic call ("fail next N" first), and what to wait for before answering.</summary>
    public (int Status, Func<CancellationToken, Task>? Wait) Plan(string eventName)
    {
        lock (gate)
        {
            var status = alwaysStatus ?? 200;
            if (failNext > 0)
            {
                failNext--;
                status = failNextStatus;
            }

            return (status, delays.GetValueOrDefault(eventName));
        }
    }
}
