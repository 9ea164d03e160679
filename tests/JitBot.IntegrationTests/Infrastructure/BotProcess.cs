using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>The bot as a separate process (<c>dotnet JitBot.dll</c>), so that a test can kill it outright.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string workingDirectory;

    private BotProcess(Process process, string workingDirectory, Uri baseAddress)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("jitbot-process-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JitBot.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet JitBot.dll");
        var bot = new BotProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        await Eventually.GetAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the bot exited with {process.ExitCode}:\n{bot.Output}");
                }

                try
                {
                    using var response = await client.GetAsync("/readyz");
                    return response.IsSuccessStatusCode ? "ready" : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            TimeSpan.FromSeconds(30),
            "the bot process to answer /readyz");
        return bot;
    }

    /// <summary>Ends the process at once: no graceful shutdown, nothing flushed, jobs left where they were.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        Directory.Delete(workingDirectory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
