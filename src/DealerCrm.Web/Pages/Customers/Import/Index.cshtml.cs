using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using DealerCrm.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>Step 1 of an import: download the template, upload a filled .xlsx or .csv.</summary>
/// <remarks>
/// A file over <see cref="MaxBytes"/> gets the page with the "at most 10 MB" message, never the
/// server's bare 413: the server takes a body of up to <see cref="MaxRequestBytes"/> (so a file a
/// little over the limit is read and measured), and a body announced larger than that is refused
/// from its length before any of it is read. The antiforgery token is therefore checked here,
/// after the size (checking it reads the whole body), not by the automatic filter.
/// </remarks>
[Authorize(Policy = Policies.CustomersImport)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[IgnoreAntiforgeryToken]
public sealed class IndexModel(DataPaths paths, IAntiforgery antiforgery, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public const long MaxRequestBytes = 4L * MaxBytes;

    private const long MaxDiscardBytes = 20L * MaxBytes;

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(ImportFile.Template(), Spreadsheet.ContentType, l["Import.TemplateFileName"]);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Request.ContentLength > MaxRequestBytes)
        {
            await DiscardBodyAsync(cancellationToken);
            return TooLarge();
        }

        IFormFile? file;
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
            file = (await Request.ReadFormAsync(cancellationToken)).Files.GetFile("file");
        }
        catch (Exception e) when (IsTooLarge(e) || e.InnerException is { } inner && IsTooLarge(inner))
        {
            // A body without an announced length (chunked) that went over the server's limit while read.
            return TooLarge();
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Import.NoFile"]);
            return Page();
        }

        if (!ImportFile.IsSupported(file.FileName))
        {
            ModelState.AddModelError("file", l["Import.WrongType"]);
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            return TooLarge();
        }

        var token = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(paths.Imports, token);
        Directory.CreateDirectory(folder);
        // The user's file name is kept only as a label; the stored name is ours.
        await System.IO.File.WriteAllTextAsync(Path.Combine(folder, "name.txt"), Path.GetFileName(file.FileName), cancellationToken);
        await using (var stored = System.IO.File.Create(Path.Combine(folder, "upload" + Path.GetExtension(file.FileName).ToLowerInvariant())))
        {
            await file.CopyToAsync(stored, cancellationToken);
        }

        return RedirectToPage("Preview", new { token });
    }

    /// <summary>
    /// Reads an oversized body to its end, uncounted and unkept: a browser sends the whole file
    /// before it reads the answer, and a connection closed under it shows a network error instead
    /// of this page. A body beyond any sheet's size is left to the server to cut off.
    /// </summary>
    private async Task DiscardBodyAsync(CancellationToken cancellationToken)
    {
        if (Request.ContentLength <= MaxDiscardBytes && HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
            await Request.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
    }

    private PageResult TooLarge()
    {
        ModelState.AddModelError("file", l["Import.TooLarge", MaxBytes / 1024 / 1024]);
        return Page();
    }

    private static bool IsTooLarge(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException;
}
