namespace Gulou.Events.Api.Infrastructure.OpenApi;

/// <summary>
/// A refusal that an endpoint's own rules can answer beyond those the OpenAPI document reads from its shape (its
/// roles, inputs, route ids, expected version and body): an owner check, a state that forbids the change, a taken
/// reference. <see cref="When"/> completes the sentence "… when …" in the document. On a class, every endpoint that
/// takes the class as a parameter (a service whose check can refuse) documents the refusal.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class RefusesAttribute(int status, string code, string when) : Attribute
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string When { get; } = when;
}
