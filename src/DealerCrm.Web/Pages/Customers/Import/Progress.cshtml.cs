using DealerCrm.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>Step 3: the import's progress (polled by the page) and, when done, its report.</summary>
[Authorize(Policy = Policies.CustomersImport)]
public sealed class ProgressModel(ImportJobs jobs) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await jobs.FindAnywhereAsync(id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(string id, CancellationToken cancellationToken) =>
        await jobs.FindAnywhereAsync(id, cancellationToken) is { } job
            ? new JsonResult(new { state = job.State.ToString(), done = job.Done, total = job.Total })
            : NotFound();
}
