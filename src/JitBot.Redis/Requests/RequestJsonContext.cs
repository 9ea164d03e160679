using System.Text.Json.Serialization;
using JitBot.Core.Requests;

namespace JitBot.Redis.Requests;

/// <summary>Source-generated JSON metadata for stored requests: enums as strings, computed properties left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccessRequest))]
internal sealed partial class RequestJsonContext : JsonSerializerContext;
