using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages.Notifications;

/// <summary>
/// Following a notice's link: marks it read for this user, then goes to the page it is about.
/// A GET (it is a link), and harmless if forged: the worst it does is mark a notice read.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OpenModel(Inbox inbox) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var notice = await inbox.MarkReadAsync(User, id, cancellationToken);
        // The link was checked to be the site's own when the notice was made; checked again here.
        return notice is null ? NotFound() : LocalRedirect(notice.Link);
    }
}
