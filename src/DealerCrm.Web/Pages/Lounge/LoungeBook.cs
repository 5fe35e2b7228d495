using System.Globalization;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Lounge;

/// <summary>
/// What the sheet page, the lounge job and the demo data share: the day's sheet, and a
/// violation's fine with its notice to the person fined, added to the caller's context so the
/// caller's one save commits the check, the fine and the notice together.
/// </summary>
public sealed class LoungeBook(DealerCrmDbContext db, Notifier notifier, DealershipClock clock, IOptions<LoungePolicy> policy)
{
    public const string MyFinesLink = "/Lounge/MyFines";

    /// <summary>The day's sheet, added to the context (not saved) when the day has none yet.</summary>
    public async Task<LoungeSheet> SheetOfAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var sheet = db.LoungeSheets.Local.FirstOrDefault(s => s.Day == day)
                    ?? await db.LoungeSheets.SingleOrDefaultAsync(s => s.Day == day, cancellationToken);
        if (sheet is null)
        {
            sheet = new LoungeSheet(day, clock.UtcNow);
            db.LoungeSheets.Add(sheet);
        }

        return sheet;
    }

    /// <summary>The fine of a violation at the amount in force, and a notice to the person fined; nothing for a check found fine.</summary>
    public async Task<LoungeFine?> FineAsync(LoungeCheck check, LoungeSheet sheet, LoungeItem item, CancellationToken cancellationToken)
    {
        if (!check.IsViolation)
        {
            return null;
        }

        var fine = LoungeFine.For(check, sheet.Day, LoungeRules.FineAmount(policy.Value), clock.UtcNow);
        db.LoungeFines.Add(fine);
        await notifier.NotifyUserAsync(fine.StaffUserId, NotificationKind.LoungeFine, "Lounge.Notice.Fine",
            [fine.Amount.ToString(), NoticeArg.Of(item.Position), sheet.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            MyFinesLink, "LoungeFine:" + check.Key, cancellationToken);
        return fine;
    }
}
