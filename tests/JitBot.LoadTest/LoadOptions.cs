using System.Globalization;
using System.Net;

namespace JitBot.LoadTest;

/// <summary>The command line of the load test, with the recorded scenario as defaults.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        JitBot load test: the real host (WebApplicationFactory) against Redis, a fake Slack and a webhook receiver on loopback.

          --requests N      requests filed in all (default 1000)
          --rate R          /jit request commands per second (default 50)
          --burst B         requests approved together so that their grants expire in the same second (default 100)
          --warmup S        seconds of the same traffic first, measured apart and not counted (default 5; 0: none)
          --redis H:P       Redis on loopback (default: env JITBOT_TEST_REDIS)
          --embedded        no Redis: the embedded in-memory store and Hangfire.InMemory
          --workers N       Scheduling:WorkerCount of the host (default 20)
          --poll D          Scheduling:PollInterval of the host (default 1s)
          --receiver K      webhook receiver: lean (default) or fake (JitBot.Testing's FakeWebhookReceiver)
          --min-threads N   ThreadPool.SetMinThreads(N, N) in this process before the host starts (default: runtime's)
        """;

    public int Requests { get; init; } = 1000;

    public int Rate { get; init; } = 50;

    public int Burst { get; init; } = 100;

    /// <summary>Seconds of traffic at <see cref="Rate"/> sent before the measured requests (a freshly started process runs unoptimised code).</summary>
    public int WarmUp { get; init; } = 5;

    public int WarmUpRequests => WarmUp * Rate;

    public string? Redis { get; init; }

    public bool Embedded { get; init; }

    public int Workers { get; init; } = 20;

    public string PollInterval { get; init; } = "1s";

    public string Receiver { get; init; } = "lean";

    public int? MinThreads { get; init; }

    /// <summary>Everything, start-up and clean-up included, ends by then.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Parses <paramref name="args"/>; a problem is returned as text, never thrown.</summary>
    public static (LoadOptions? Options, string? Problem) Parse(string[] args)
    {
        var options = new LoadOptions { Redis = Environment.GetEnvironmentVariable("JITBOT_TEST_REDIS") };
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{name} needs a value");
            try
            {
                options = name switch
                {
                    "--requests" => options with { Requests = Whole(Next(), name, 1, 100_000) },
                    "--rate" => options with { Rate = Whole(Next(), name, 1, 1000) },
                    "--burst" => options with { Burst = Whole(Next(), name, 0, 10_000) },
                    "--warmup" => options with { WarmUp = Whole(Next(), name, 0, 60) },
                    "--redis" => options with { Redis = Next() },
                    "--embedded" => options with { Embedded = true },
                    "--workers" => options with { Workers = Whole(Next(), name, 1, 200) },
                    "--poll" => options with { PollInterval = JitBot.Core.Common.Duration.TryParse(Next(), out _) ? args[i] : throw new FormatException("--poll is a duration such as 1s or 2s") },
                    "--receiver" => options with { Receiver = Next() is "lean" or "fake" ? args[i] : throw new FormatException("--receiver is lean or fake") },
                    "--min-threads" => options with { MinThreads = Whole(Next(), name, 1, 1000) },
                    "--help" or "-h" => throw new FormatException(""),
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }

        return (options, options.Check());
    }

    private string? Check()
    {
        if (Burst > Requests)
        {
            return "--burst cannot exceed --requests";
        }

        if (Embedded)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(Redis))
        {
            return "no Redis: pass --redis 127.0.0.1:6390, set JITBOT_TEST_REDIS, or use --embedded";
        }

        var host = Redis.Split(',')[0].Trim();
        var colon = host.LastIndexOf(':');
        host = colon > 0 ? host[..colon] : host;
        return host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))
            ? null
            : $"Redis must be on loopback (127.0.0.1, ::1, localhost), not '{host}'";
    }

    private static int Whole(string text, string name, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name}: '{text}' must be a whole number from {min} to {max}");
}
