using System.Diagnostics;

namespace JitBot.IntegrationTests.Infrastructure;

/// <summary>Runs <c>dotnet JitBot.dll …</c> to its end and returns what it printed.</summary>
internal static class BotCli
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JitBot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet JitBot.dll {string.Join(' ', args)} did not end: {await output}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
