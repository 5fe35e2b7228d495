using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Notifications;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Notifications;

/// <summary>The signed-in user's notices (to them and to their roles): unread first, each marked read on its own or all at once.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(Inbox inbox, NoticeRenderer renderer, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<InboxItem> Items { get; private set; } = null!;

    public int UnreadCount { get; private set; }

    public string TextOf(InboxItem item) => renderer.Render(item.Text);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await inbox.Items(User).ToPagedListAsync(PageNumber, PageSize, cancellationToken);
        UnreadCount = await inbox.CountUnreadAsync(User, cancellationToken);
    }

    public async Task<IActionResult> OnPostMarkReadAsync(long id, CancellationToken cancellationToken)
    {
        if (await inbox.MarkReadAsync(User, id, cancellationToken) is null)
        {
            return NotFound();
        }

        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        var count = await inbox.MarkAllReadAsync(User, cancellationToken);
        TempData["Flash"] = l["Notifications.AllMarkedRead", count].Value;
        return RedirectToPage();
    }
}
