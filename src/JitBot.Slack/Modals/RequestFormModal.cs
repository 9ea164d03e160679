using System.Text.Json.Nodes;
using JitBot.Core.Common;
using JitBot.Core.Requests;

namespace JitBot.Slack.Modals;

/// <summary>
/// The form <c>/jit request</c> opens: one menu of the resources and roles the person may request (grouped by
/// resource, each with its limit), a duration and a reason. <c>private_metadata</c> is the channel the command was
/// typed in, where the answer is shown. Pure.
/// </summary>
internal static class RequestFormModal
{
    public const string CallbackId = "jit.request_form";

    public const string ChoiceBlockId = "choice";

    public const string DurationBlockId = "duration";

    public const string ReasonBlockId = "reason";

    public const string InputActionId = "value";

    public static JsonObject Render(IReadOnlyList<RequestChoice> choices, string channelId)
    {
        var groups = choices
            .Where(c => c.Value.Length <= ModalKit.MaxOptionValue)
            .GroupBy(c => c.Resource, StringComparer.Ordinal)
            .Select(g => (Label(g.First()), (IReadOnlyList<JsonObject>)g.Select(Option).ToList()));
        return ModalKit.Modal(
            CallbackId,
            "Request access",
            "Request",
            channelId,
            ModalKit.Input(ChoiceBlockId, "Resource and role", ModalKit.GroupedSelect(InputActionId, "Pick what you need", groups)),
            ModalKit.Input(
                DurationBlockId,
                "Duration",
                ModalKit.TextInput(InputActionId, "e.g. 2h", 12),
                "A number and a unit: 90s, 15m, 2h or 1d, within the role's limit."),
            ModalKit.Input(
                ReasonBlockId,
                "Reason",
                ModalKit.TextInput(InputActionId, "e.g. INC-4312 checking replication lag", RequestValidator.MaxReasonLength, multiline: true)));
    }

    /// <summary>The input a refusal from the core is about (read from its first line): the reason, the duration, else the resource and role.</summary>
    public static string BlockFor(string problem)
    {
        var line = ErrorText(problem);
        return line.Contains("reason", StringComparison.OrdinalIgnoreCase) ? ReasonBlockId
            : line.Contains("duration", StringComparison.OrdinalIgnoreCase) || line.Contains("longer than", StringComparison.Ordinal) ? DurationBlockId
            : ChoiceBlockId;
    }

    /// <summary>A refusal as an inline error: its first line, without the typed command's usage.</summary>
    public static string ErrorText(string problem)
    {
        var line = problem.Split('\n')[0].Trim();
        return line.Length <= 300 ? line : string.Concat(line.AsSpan(0, 299), "…");
    }

    public static string DurationProblem(string? text) =>
        (string.IsNullOrWhiteSpace(text) ? "Give a duration" : $"'{text}' is not a duration") + ": use a number and a unit, like 90s, 15m, 2h or 1d.";

    private static string Label(RequestChoice choice) =>
        choice.Description is { Length: > 0 } description ? $"{choice.Resource} ({description})" : choice.Resource;

    private static JsonObject Option(RequestChoice choice) =>
        ModalKit.Option($"{choice.Resource} / {choice.Role} (up to {Duration.Format(choice.MaxDuration)})", choice.Value);
}
