namespace JitBot.Testing.Teams;

/// <summary>One client-credentials request the fake token endpoint received (the form fields as sent).</summary>
public sealed record TokenRequest(string Tenant, IReadOnlyDictionary<string, string> Form, int StatusCode)
{
    public string? Field(string name) => Form.GetValueOrDefault(name);
}
