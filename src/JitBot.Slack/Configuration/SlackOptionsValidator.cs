using Microsoft.Extensions.Options;

namespace JitBot.Slack.Configuration;

/// <summary>Checks <see cref="SlackOptions"/> at start-up; a failure names the key.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    private const string ApiBaseUrlKey = SlackOptions.SectionName + ":ApiBaseUrl";

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var value = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? SlackOptions.DefaultApiBaseUrl : options.ApiBaseUrl.Trim();
        return UrlRules.Check(ApiBaseUrlKey, value) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
