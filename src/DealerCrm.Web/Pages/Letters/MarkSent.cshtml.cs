using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Letters;

/// <summary>Marks a thank-you letter sent, which completes its follow-up task.</summary>
[Authorize(Policy = Policies.LettersPrint)]
public sealed class MarkSentModel(DealerCrmDbContext db, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Batch");

    public async Task<IActionResult> OnPostAsync(long taskId, string? returnDate, CancellationToken cancellationToken)
    {
        var task = await db.FollowUpTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.Kind == FollowUpKind.ThankYouLetter, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        // The salesperson whose letter it is, or a manager; not a colleague's letter.
        var roles = Roles.All.Where(User.IsInRole).ToList();
        if (task.OwnerUserId != User.UserId() && !Policies.Allows(Policies.FollowUpsManage, roles))
        {
            return Forbid();
        }

        if (task.IsOpen)
        {
            task.MarkLetterSent(User.UserId()!, User.Identity!.Name!, clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Flash"] = l["Letters.Sent"].Value;
        return returnDate is null ? RedirectToPage("/FollowUps/Details", new { id = taskId }) : RedirectToPage("Batch", new { date = returnDate });
    }
}
