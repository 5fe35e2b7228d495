namespace DealerCrm.Domain.Common;

/// <summary>Who is acting now: the signed-in user in a request, the system in a background job.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string UserName { get; }
}

/// <summary>The actor of background jobs and startup work.</summary>
public sealed class SystemActor : ICurrentActor
{
    public static SystemActor Instance { get; } = new();

    public string? UserId => null;

    public string UserName => "system";
}
