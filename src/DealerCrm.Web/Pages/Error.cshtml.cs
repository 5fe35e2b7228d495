using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DealerCrm.Web.Pages;

/// <summary>
/// The friendly error page for unhandled errors and for status codes (403, 404, …), with the
/// request id staff can quote to the administrator. Never shows a stack trace.
/// </summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }

    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    // Errors raised by a POST are re-executed as POST.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Code = code ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? 500 : Response.StatusCode);
        if (Code < 400)
        {
            Code = 500;
        }

        if (reExecuted is null)
        {
            Response.StatusCode = Code;
        }

        if (Code >= 500)
        {
            logger.LogError("Error page shown for request {RequestId}", RequestId);
        }
    }
}
