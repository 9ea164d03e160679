namespace JitBot.LoadTest;

/// <summary>The JitBot benchmark (see <see cref="LoadOptions.Usage"/>). Exit code 0 when nothing was lost and the run ended by itself.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (options, problem) = LoadOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync((problem is { Length: > 0 } ? problem + "\n\n" : "") + LoadOptions.Usage);
            return problem is { Length: > 0 } ? 2 : 0;
        }

        ThreadPool.GetMinThreads(out var workerThreads, out var ioThreads);
        var minThreads = $"runtime default ({workerThreads} worker, {ioThreads} I/O)";
        if (options.MinThreads is { } min)
        {
            ThreadPool.SetMinThreads(min, min);
            minThreads = $"set to {min} by --min-threads";
        }

        var (results, facts) = await LoadRun.RunAsync(options, minThreads, Console.Out);
        Console.WriteLine();
        Console.WriteLine(LoadReport.Text(results, facts));
        Console.WriteLine("---- Markdown ----");
        Console.WriteLine(LoadReport.Markdown(results, facts));
        return results.Lost == 0 && !facts.DeadlineHit ? 0 : 1;
    }
}
