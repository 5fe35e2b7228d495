using DealerCrm.Domain.Common;
using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DealerCrm.Web.Pages.Letters;

/// <summary>One delivery's thank-you letter as a PDF, shown in the browser (inline) with a Chinese file name.</summary>
[Authorize(Policy = Policies.LettersPrint)]
public sealed class ThankYouModel(ThankYouLetters letters, DealershipClock clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int deliveryId, CancellationToken cancellationToken)
    {
        var prepared = await letters.PrepareAsync([deliveryId], clock.Today, cancellationToken);
        if (prepared.Count == 0)
        {
            return NotFound();
        }

        var pdf = await letters.PrintAsync(prepared, User.Identity!.Name!, cancellationToken);
        var fileName = l["Letters.FileName", prepared[0].CustomerName, clock.Today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)].Value;
        return Pdf.Inline(Response, pdf, fileName);
    }
}

public static class Pdf
{
    /// <summary>A PDF the browser shows rather than downloads, named in UTF-8 for saving.</summary>
    public static FileContentResult Inline(HttpResponse response, byte[] pdf, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return new FileContentResult(pdf, "application/pdf");
    }
}
