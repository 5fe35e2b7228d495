using System.Text.Encodings.Web;
using System.Text.Unicode;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Infrastructure.Identity;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Backups;
using DealerCrm.Web.Infrastructure.Calendar;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Pages.Cockpit;
using DealerCrm.Web.Pages.Complaints;
using DealerCrm.Web.Pages.Csi;
using DealerCrm.Web.Pages.Customers;
using DealerCrm.Web.Pages.FollowUps;
using DealerCrm.Web.Pages.Letters;
using DealerCrm.Web.Pages.Lounge;
using DealerCrm.Web.Pages.Notifications;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace DealerCrm.Web.Infrastructure.Startup;

public static class ServiceRegistration
{
    public static IServiceCollection AddDealerCrm(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment, string dataDirectory)
    {
        services.AddSingleton(AppClock.From(configuration, environment));
        services.AddSingleton(new DataPaths(dataDirectory));
        services.AddOptions<DealershipOptions>().Bind(configuration.GetSection(DealershipOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name), "Dealership:Name is required.").ValidateOnStart();
        services.AddSingleton(sp => new DealershipClock(
            sp.GetRequiredService<TimeProvider>(),
            DealershipClock.FindZone(sp.GetRequiredService<IOptions<DealershipOptions>>().Value.TimeZone)));
        services.AddPolicyOptions(configuration);

        services.AddHttpContextAccessor();
        services.AddDealerCrmForwardedHeaders(configuration);
        services.AddScoped<ActingUser>();
        services.AddScoped<ICurrentActor, HttpContextActor>();
        services.AddDealerCrmDatabase(DatabaseSettings.From(configuration, dataDirectory));
        services.AddHealthChecks().AddDbContextCheck<DealerCrmDbContext>("database");

        services.AddDealerCrmIdentity(environment);
        services.AddSingleton<UnknownLoginThrottle>();
        services.AddAuthorizationBuilder().AddDealerCrmPolicies();
        services.AddResourceAuthorization();

        services.AddDealerCrmLocalization();
        services.AddSingleton<DisplayFormatter>();
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        services.AddRazorPages()
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<FormInputFilter>();
            })
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            // Validation is FluentValidation on the server; no jQuery-unobtrusive attributes.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // Chinese text is written as is, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddDealerCrmDataProtection(configuration, dataDirectory);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "DealerCrm.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurity(environment);
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "DealerCrm.TempData";
            o.Cookie.SecurePolicy = CookieSecurity(environment);
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        services.AddScoped<IdentitySeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<StaffDirectory>();
        services.AddSingleton<StaffListCache>();
        services.AddSingleton<WorkingCalendarProvider>();

        // One host runs every periodic job; a singleton so tests can await its ticks.
        services.AddSingleton<JobHost>();
        services.AddHostedService(sp => sp.GetRequiredService<JobHost>());

        services.AddCustomers();
        services.AddFollowUps(configuration);
        services.AddLetters();
        services.AddCsi();
        services.AddNotifications();
        services.AddCockpit();
        services.AddBackups();
        services.AddLounge();
        services.AddComplaints();
        return services;
    }

    private static void AddDealerCrmIdentity(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<DealerCrmDbContext>()
            .AddUserManager<DealerCrmUserManager>()
            .AddSignInManager<DealerCrmSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<DealerCrmClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityPolicy>>((identity, policy) =>
        {
            identity.Password.RequiredLength = policy.Value.PasswordMinLength;
            identity.Lockout.MaxFailedAccessAttempts = policy.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(policy.Value.LockoutMinutes);
        });
        // A disabled user or a reset password ends open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityPolicy>>((cookie, policy) =>
            {
                cookie.LoginPath = "/Account/Login";
                cookie.LogoutPath = "/Account/Logout";
                cookie.AccessDeniedPath = "/Account/AccessDenied";
                cookie.Cookie.Name = "DealerCrm.Auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurity(environment);
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(policy.Value.SessionIdleMinutes);
                cookie.SlidingExpiration = true;
                // A signed-in user without the right role gets a 403 page at the same address,
                // not a redirect (which would loop if the target page were also forbidden).
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
    }

    /// <summary>Secure cookies everywhere but Development, where the site runs on plain http://localhost.</summary>
    private static CookieSecurePolicy CookieSecurity(IWebHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
