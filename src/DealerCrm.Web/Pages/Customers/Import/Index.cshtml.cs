using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using DealerCrm.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>Step 1 of an import: download the template, upload a filled .xlsx or .csv.</summary>
[Authorize(Policy = Policies.CustomersImport)]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
public sealed class IndexModel(DataPaths paths, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate() =>
        File(ImportFile.Template(), Spreadsheet.ContentType, l["Import.TemplateFileName"]);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
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
            ModelState.AddModelError("file", l["Import.TooLarge", MaxBytes / 1024 / 1024]);
            return Page();
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
}
