using Microsoft.Extensions.Options;

namespace JitBot.Teams.Configuration;

/// <summary>Checks <see cref="TeamsOptions"/> at start-up; every failure names its key.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var problems = new List<string>();
        Check(problems, "OpenIdMetadataUrl", options.EffectiveOpenIdMetadataUrl);
        Check(problems, "ServiceUrl", options.EffectiveServiceUrl);
        Check(problems, "TokenEndpoint", options.EffectiveTokenEndpoint);
        if (options.IsEnabled && options.AppId.Trim().Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            problems.Add($"{TeamsOptions.SectionName}:AppId: '{options.AppId}' is not a Microsoft App ID");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && options.TenantId.Trim().Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
        {
            problems.Add($"{TeamsOptions.SectionName}:TenantId: '{options.TenantId}' is not a tenant id or domain");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(List<string> problems, string key, string value)
    {
        if (UrlRules.Check($"{TeamsOptions.SectionName}:{key}", value) is { } problem)
        {
            problems.Add(problem);
        }
    }
}
