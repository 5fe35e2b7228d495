using System.Security.Claims;
using DealerCrm.Domain.Common;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>
/// Lets background work done on a user's behalf (an import they confirmed) act as that user,
/// so the audit trail names them rather than "system".
/// </summary>
public sealed class ActingUser
{
    public (string? UserId, string UserName)? Override { get; private set; }

    public void ActAs(string? userId, string userName) => Override = (userId, userName);
}

/// <summary>The signed-in user of the current request; the system actor outside requests.</summary>
public sealed class HttpContextActor(IHttpContextAccessor accessor, ActingUser acting) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => acting.Override is { } o ? o.UserId : User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => acting.Override?.UserName ?? User?.Identity?.Name ?? SystemActor.Instance.UserName;
}
