using JitBot.Connectors;
using JitBot.Core.Common;
using JitBot.Core.Policies;

namespace JitBot.Startup;

/// <summary><c>dotnet run --project src/JitBot -- policies validate [path]</c>: checks a folder of policy files.</summary>
internal static class PolicyValidateCommand
{
    public static bool Matches(string[] args) => args is ["policies", "validate", ..];

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray())
            .Build();
        try
        {
            var settings = JitBotSettings.Read(configuration, Directory.GetCurrentDirectory());
            var folder = args.Skip(2).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } path
                ? Path.GetFullPath(path)
                : settings.PoliciesPath;
            if (!Directory.Exists(folder))
            {
                errors.WriteLine($"{folder}: no such folder");
                return 2;
            }

            var connectors = ConnectorPolicyCheck.Names(configuration);
            var result = ConnectorPolicyCheck.Apply(PolicyLoader.LoadFolder(folder, settings.Jit.MaxDuration, connectors), configuration);
            foreach (var problem in result.Problems)
            {
                errors.WriteLine(problem.ToString());
            }

            output.WriteLine(result.IsValid
                ? $"{result.Policies.Files.Count} policy file(s), {result.Policies.Resources.Count} resource(s): OK"
                : $"{result.Problems.Count} problem(s) in {folder}");
            return result.IsValid ? 0 : 1;
        }
        catch (StartupException e)
        {
            errors.WriteLine(e.Message);
            return 2;
        }
    }
}
