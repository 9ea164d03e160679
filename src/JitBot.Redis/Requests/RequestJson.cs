using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JitBot.Core.Requests;

namespace JitBot.Redis.Requests;

/// <summary>
/// How a request is kept as JSON. <see cref="AccessRequest.Version"/> is not written: the store keeps the
/// version beside the document and puts it on the request it reads, whatever the JSON says.
/// </summary>
internal static class RequestJson
{
    private static readonly string VersionName = JsonNamingPolicy.CamelCase.ConvertName(nameof(AccessRequest.Version));

    // Declared after VersionName: static fields initialise in order and the modifier reads it.
    private static readonly JsonTypeInfo<AccessRequest> TypeInfo = CreateTypeInfo();

    public static string Serialize(AccessRequest request) => JsonSerializer.Serialize(request, TypeInfo);

    public static AccessRequest Deserialize(string json, long version) =>
        (JsonSerializer.Deserialize(json, TypeInfo) ?? throw new JsonException("A stored request is JSON null."))
        with { Version = version };

    private static JsonTypeInfo<AccessRequest> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions(RequestJsonContext.Default.Options)
        {
            TypeInfoResolver = RequestJsonContext.Default.WithAddedModifier(LeaveOutVersion),
        };
        return (JsonTypeInfo<AccessRequest>)options.GetTypeInfo(typeof(AccessRequest));
    }

    /// <summary>
    /// Never writes the version. (Removing the property would break deserialization: init-only properties are
    /// bound like constructor parameters. A version found in stored JSON is overwritten on read.)
    /// </summary>
    private static void LeaveOutVersion(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(AccessRequest))
        {
            return;
        }

        foreach (var property in typeInfo.Properties.Where(p => p.Name == VersionName))
        {
            property.ShouldSerialize = static (_, _) => false;
        }
    }
}
