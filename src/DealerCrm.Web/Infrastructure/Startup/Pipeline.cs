using DealerCrm.Web.Infrastructure.Logging;
using DealerCrm.Web.Infrastructure.Security;
using DealerCrm.Web.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Infrastructure.Startup;

public static class Pipeline
{
    public static WebApplication UseDealerCrm(this WebApplication app)
    {
        FluentValidationSetup.UseLocalizedDisplayNames(app.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
        // First: everything after it (HTTPS redirection, HSTS, secure cookies, antiforgery, logs)
        // sees the browser's scheme and address, as told by a trusted proxy (ProxySetup).
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseRequestLocalization();
        app.UseFormNulGuard();
        app.UseRouting();
        app.UseAuthentication();
        app.UseDealerCrmRequestLogging();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        // Static files from the build's manifest: fingerprinted URLs (the tag helpers write them),
        // served gzip/brotli-compressed with a year's immutable cache; open to all (the sign-in page uses them).
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
