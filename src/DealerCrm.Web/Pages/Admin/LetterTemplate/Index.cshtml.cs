using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Letters;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Infrastructure.Letters;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Forms;
using DealerCrm.Web.Pages.Letters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Admin.LetterTemplate;

/// <summary>
/// The administrator edits the thank-you letter's body. A template with an unknown placeholder,
/// unbalanced braces, or too much text for one A4 page (tried with long sample values) is
/// refused with a message saying which; a preview shows the letter before saving.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(DealerCrmDbContext db, ThankYouLetters letters, ILetterRenderer renderer, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Display(Name = "Letters.TemplateBody")]
    public string Body { get; set; } = "";

    [BindProperty]
    public int Version { get; set; }

    public DateTime? UpdatedUtc { get; private set; }

    public string? UpdatedBy { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var saved = await db.LetterTemplates.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        Body = saved?.Body ?? Domain.Letters.LetterTemplate.DefaultThankYouTemplate;
        Version = saved?.Version ?? 0;
        UpdatedUtc = saved?.UpdatedUtc;
        UpdatedBy = saved?.UpdatedBy;
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!Check())
        {
            return Page();
        }

        var saved = await db.LetterTemplates.SingleOrDefaultAsync(cancellationToken);
        if (saved is null)
        {
            // The default template sent back as shown is no edit: the row is written on the first real change.
            if (!LetterTemplateSetting.SameBody(Body, Domain.Letters.LetterTemplate.DefaultThankYouTemplate))
            {
                db.LetterTemplates.Add(new LetterTemplateSetting(Body, clock.UtcNow, User.Identity!.Name!));
            }
        }
        else
        {
            db.Entry(saved).Property(t => t.Version).OriginalValue = Version;
            saved.Update(Body, clock.UtcNow, User.Identity!.Name!);
        }

        if (db.HasNothingToSave())
        {
            this.FlashNothingChanged(l);
            return RedirectToPage();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(string.Empty, l["Common.ChangedByOthers"]);
            return Page();
        }

        TempData["Flash"] = l["Letters.TemplateSaved"].Value;
        return RedirectToPage();
    }

    /// <summary>The typed (unsaved) template as a sample letter.</summary>
    public IActionResult OnPostPreview()
    {
        if (!Check())
        {
            return Page();
        }

        var pdf = renderer.RenderPdf([Sample(Body)]);
        return Pdf.Inline(Response, pdf, l["Letters.PreviewFileName"]);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        Body = Domain.Letters.LetterTemplate.DefaultThankYouTemplate;
        Version = (await db.LetterTemplates.AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.Version ?? 0;
        return await OnPostSaveAsync(cancellationToken);
    }

    /// <summary>Placeholders known, braces balanced, and one page with long values.</summary>
    private bool Check()
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            ModelState.AddModelError(nameof(Body), l["Letters.TemplateEmpty"]);
            return false;
        }

        var problems = Domain.Letters.LetterTemplate.Validate(Body);
        if (problems.Count > 0)
        {
            ModelState.AddModelError(nameof(Body), l["Letters.TemplateUnknown", string.Join("、", problems)]);
            return false;
        }

        if (!renderer.FitsOnOnePage(Sample(Body)))
        {
            ModelState.AddModelError(nameof(Body), l["Letters.TemplateTooLong"]);
            return false;
        }

        return true;
    }

    private LetterDocument Sample(string body) =>
        ThankYouLetterComposer.Compose(ThankYouLetterFacts.LongestLikely(clock.Today), body, letters.Letterhead());
}
