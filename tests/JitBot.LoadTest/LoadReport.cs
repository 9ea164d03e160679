using System.Globalization;
using System.Text;

namespace JitBot.LoadTest;

/// <summary>The report: a plain-text table for the console and the same as Markdown for the README.</summary>
internal static class LoadReport
{
    private static readonly string[] JobHeader = ["job", "phase", "n", "p50", "p95", "p99", "max"];

    private static readonly string[] Header = ["metric (ms)", "n", "min", "p50", "p95", "p99", "max", "target p99"];

    public static string Text(LoadResults results, RunFacts facts)
    {
        var table = Table(results);
        var widths = Enumerable.Range(0, Header.Length).Select(c => table.Max(row => row[c].Length)).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Title(facts)).AppendLine(Caveat).AppendLine();
        foreach (var (row, index) in table.Select((row, index) => (row, index)))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (index == 0)
            {
                text.AppendLine(new string('-', widths.Sum() + (2 * (widths.Length - 1))));
            }
        }

        text.AppendLine();
        foreach (var line in Lines(results, facts))
        {
            text.AppendLine(line);
        }

        text.AppendLine().AppendLine("Hangfire jobs in the host (ms):");
        var jobs = JobTable(facts);
        var jobWidths = Enumerable.Range(0, jobs[0].Length).Select(c => jobs.Max(row => row[c].Length)).ToArray();
        foreach (var row in jobs)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c < 2 ? cell.PadRight(jobWidths[c]) : cell.PadLeft(jobWidths[c]))).TrimEnd());
        }

        return text.ToString();
    }

    public static string Markdown(LoadResults results, RunFacts facts)
    {
        var table = Table(results);
        var text = new StringBuilder();
        text.AppendLine($"**{Title(facts)}**").AppendLine().AppendLine(Caveat).AppendLine();
        text.AppendLine("| " + string.Join(" | ", table[0]) + " |");
        text.AppendLine("|---|" + string.Concat(Enumerable.Repeat("--:|", Header.Length - 1)));
        foreach (var row in table.Skip(1))
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(cell => cell.Trim())) + " |");
        }

        text.AppendLine();
        foreach (var line in Lines(results, facts))
        {
            text.AppendLine("- " + line);
        }

        var jobs = JobTable(facts);
        text.AppendLine().AppendLine("Hangfire jobs in the host (ms):").AppendLine();
        text.AppendLine("| " + string.Join(" | ", jobs[0]) + " |").AppendLine("|---|---|--:|--:|--:|--:|--:|");
        foreach (var row in jobs.Skip(1))
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }

    private const string Caveat =
        "HTTP answers are measured through WebApplicationFactory's in-memory TestServer (no sockets); the fake Slack and " +
        "the webhook receiver are Kestrel on 127.0.0.1 in this same process, which also runs the load generator.";

    private static string Title(RunFacts f) =>
        $"JitBot load test: {f.Options.Requests} requests at {f.Options.Rate}/s, {f.Options.Burst} expiring in the same second; " +
        $"{f.Store}; {f.Options.Workers} Hangfire workers, poll {f.Options.PollInterval}; {Environment.ProcessorCount} cores";

    private static List<string[]> Table(LoadResults results)
    {
        var table = new List<string[]> { Header };
        foreach (var row in results.Rows)
        {
            var s = row.Stats;
            var target = row.TargetP99 is { } t ? $"< {Ms(t)} " + (row.Met == true ? "ok" : "MISSED") : "";
            table.Add([row.Metric, s.Count.ToString(CultureInfo.InvariantCulture), Ms(s.Min), Ms(s.P50), Ms(s.P95), Ms(s.P99), Ms(s.Max), target]);
        }

        return table;
    }

    private static List<string[]> JobTable(RunFacts facts)
    {
        var table = new List<string[]> { JobHeader };
        foreach (var (method, phase, s) in facts.Jobs.Where(j => j.Stats.Count > 0))
        {
            table.Add([method, phase, s.Count.ToString(CultureInfo.InvariantCulture), Ms(s.P50), Ms(s.P95), Ms(s.P99), Ms(s.Max)]);
        }

        return table;
    }

    private static IEnumerable<string> Lines(LoadResults r, RunFacts f)
    {
        yield return $"requests: {r.Filed} filed, {r.CommandsFailed} commands without a request id, {r.Granted} granted, {r.Revoked} revoked; " +
            $"lost (filed but never granted or never revoked): {r.Lost}{(r.Lost == 0 ? "" : " MISSED")}; without a card: {r.NoCard}";
        if (f.LostStates.Length > 0)
        {
            yield return $"lost requests, as the store has them now: {f.LostStates}";
        }

        yield return $"burst: {r.BurstSameSecond} of {r.BurstSize} burst grants have their expiresAt in the same second";
        yield return $"throughput: {r.CommandsPerSecond:F1} commands answered/s; {r.GrantsPerSecond:F1} requests granted/s (first command → last grant)";
        yield return $"webhook ({f.Receiver}): {r.DuplicateCalls} extra calls (retries, duplicates), {r.Unauthentic} not authentic; fake Slack: {f.SlackCalls} Web API calls";
        yield return $"memory: peak working set {Mb(f.PeakWorkingSet)}; GC heap after the run {Mb(f.GcHeapAfterRun)} (after a full collection); " +
            $"GC {f.GcCollections} (gen0/1/2), pauses {f.GcPauses.TotalMilliseconds:F0} ms in all, {(f.ServerGc ? "server" : "workstation")} GC";
        yield return $"thread pool: up to {f.MaxPoolThreads} threads and {f.MaxPoolQueue} queued items; a queued item waited p50 {Ms(f.DispatchDelay.P50)} / " +
            $"p99 {Ms(f.DispatchDelay.P99)} / max {Ms(f.DispatchDelay.Max)} ms before running; min threads: {f.MinThreads}";
        foreach (var interval in f.Cpu)
        {
            yield return $"CPU {interval} of {Environment.ProcessorCount} cores";
        }

        yield return $"Hangfire: at most {f.MaxDefaultQueue} jobs waiting in the default queue, {f.MaxRevocationQueue} in revocations" +
            (f.ProbeFailures > 0 ? $" ({f.ProbeFailures} samples failed)" : "");
        yield return $"run: {f.Elapsed.TotalSeconds:F0} s{(f.DeadlineHit ? $", STOPPED AT THE {f.Options.Deadline.TotalMinutes:F0}-MINUTE DEADLINE" : "")}";
        foreach (var failure in r.Failures.Take(10))
        {
            yield return "failure: " + failure;
        }
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString(Math.Abs(ms) >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
}
