using System.Security.Claims;
using DealerCrm.Domain.Common;

namespace DealerCrm.Web.Infrastructure.Auth;

/// <summary>The signed-in user of the current request; the system actor outside requests.</summary>
public sealed class HttpContextActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => User?.Identity?.Name ?? SystemActor.Instance.UserName;
}
