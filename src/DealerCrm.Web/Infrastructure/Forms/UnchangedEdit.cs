using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Infrastructure.Forms;

/// <summary>
/// An edit form posted back as it was sent says "nothing changed" rather than "saved", and
/// writes nothing: no audit entry, no version bump, no "updated at". Every edit page works the
/// same way: it applies the form to the tracked entities through the domain (which normalises
/// what it stores, trimming included), then asks <see cref="HasNothingToSave"/> before saving.
/// EF compares each property with the value read from the database, so a field that differs
/// only in whitespace the domain trims away counts as unchanged. (The staff user form compares
/// its few fields by hand: Identity's store re-attaches the user, which would accept the changes
/// the tracker had detected.)
/// </summary>
public static class UnchangedEdit
{
    /// <summary>The one message, for every edit form.</summary>
    public const string MessageKey = "Common.NothingChanged";

    /// <summary>
    /// True when applying the form left nothing to write. A form rendered from an older version
    /// than the one on file counts as a change (the version differs), so the save runs and
    /// reports the colleague's change instead.
    /// </summary>
    public static bool HasNothingToSave(this DbContext db) => !db.ChangeTracker.HasChanges();

    /// <summary>Shows the shared message on the page the form redirects to.</summary>
    public static void FlashNothingChanged(this PageModel page, IStringLocalizer localizer) =>
        page.TempData["Flash"] = localizer[MessageKey].Value;
}
