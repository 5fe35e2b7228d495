using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DealerCrm.Web.Infrastructure.Notifications;

/// <summary>
/// After any form a signed-in user posts (a call recorded, a task claimed, a notice read), their
/// navigation counts are taken again on the next page, so what they just did shows at once.
/// Runs after the handler (its save is done) and before the result is written.
/// </summary>
public sealed class BadgeRefreshFilter(BadgeCache badges) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await next();
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && context.HttpContext.User.UserId() is { } userId)
        {
            badges.ForgetUser(userId);
        }
    }
}
