using DealerCrm.Domain.Common;
using DealerCrm.Domain.Settings;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>
/// Step 2: every row checked, every problem stated. Confirming imports the rows without
/// problems, all in one transaction, in the background with a progress bar.
/// </summary>
[Authorize(Policy = Policies.CustomersImport)]
public sealed class PreviewModel(
    DataPaths paths,
    ImportPlanner planner,
    ImportJobs jobs,
    DealershipClock clock,
    IOptions<DealershipOptions> dealership,
    IStringLocalizer<SharedResource> l,
    ILogger<PreviewModel> logger) : PageModel
{
    /// <summary>Rows listed on the page; the counts above always cover the whole file.</summary>
    public const int RowsShown = 500;

    public string FileName { get; private set; } = "";

    public ImportPlan Plan { get; private set; } = new([], []);

    public IReadOnlyList<string> MissingColumns { get; private set; } = [];

    public string? ReadError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        if (Plan.Customers.Count == 0)
        {
            ModelState.AddModelError(string.Empty, l["Import.NothingToImport"]);
            return Page();
        }

        var job = jobs.Start(Plan, User.UserId(), User.Identity!.Name!, FileName);
        upload.Delete();
        return RedirectToPage("Progress", new { id = job.Id });
    }

    private async Task<ImportUpload?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (ImportUpload.Find(paths, token) is not { } upload)
        {
            return null;
        }

        FileName = upload.OriginalName;
        try
        {
            var (rows, missing) = upload.Read();
            MissingColumns = missing;
            if (missing.Count == 0)
            {
                Plan = await planner.PlanAsync(rows, clock.Today, dealership.Value.Brand, cancellationToken);
            }
        }
        catch (SheetWithPicturesException e)
        {
            logger.LogWarning(e, "Import file holds pictures");
            ReadError = l["Import.HasPictures"];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or ArgumentException or InvalidOperationException)
        {
            // A corrupt or mislabelled file: say so instead of failing the page.
            logger.LogWarning(e, "Import file could not be read");
            ReadError = l["Import.Unreadable"];
        }

        return upload;
    }
}
