using DealerCrm.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace DealerCrm.Web.ViewComponents;

/// <summary>The bell in the navigation: a link to the notices, with the unread count.</summary>
public sealed class NotificationBellViewComponent(NotificationBadge badge) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await badge.CountAsync(HttpContext.RequestAborted));
}
