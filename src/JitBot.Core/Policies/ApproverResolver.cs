using Microsoft.Extensions.Logging;

namespace JitBot.Core.Policies;

/// <summary>Resolves selector lists to emails, static ones from the policy and dynamic ones from their sources.</summary>
public sealed partial class ApproverResolver(IEnumerable<IPrincipalSource> sources, ILogger<ApproverResolver> logger)
{
    private readonly Dictionary<string, IPrincipalSource> byKind = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> ResolveAsync(ResourcePolicy resource, IReadOnlyList<string> selectors, CancellationToken cancellationToken)
    {
        var people = new HashSet<string>(Principals.Resolve(resource, selectors), StringComparer.OrdinalIgnoreCase);
        foreach (var selector in selectors.Where(Principals.IsDynamic))
        {
            var (kind, name) = Principals.Split(selector);
            if (!byKind.TryGetValue(kind, out var source))
            {
                LogNoSource(logger, selector);
                continue;
            }

            try
            {
                people.UnionWith(await source.MembersAsync(name, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One lookup down must not stop the others from approving; it is logged loudly.
                LogSourceFailed(logger, selector, e.Message);
            }
        }

        return people;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No source resolves {Selector} here (is its platform enabled?)")]
    private static partial void LogNoSource(ILogger logger, string selector);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not resolve {Selector}: {Error}")]
    private static partial void LogSourceFailed(ILogger logger, string selector, string error);
}
