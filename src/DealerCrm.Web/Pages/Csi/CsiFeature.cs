using DealerCrm.Domain.Csi;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Demo;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Pages.Customers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Csi;

public static class CsiFeature
{
    public static IServiceCollection AddCsi(this IServiceCollection services)
    {
        services.AddPeriodicJob<CsiJob>(CsiJob.Name, sp => TimeSpan.FromMinutes(Math.Max(1, sp.GetRequiredService<IOptions<CsiPolicy>>().Value.JobIntervalMinutes)));
        services.AddSingleton<IAuthorizationHandler>(new DutyAuthorizationHandler<HotAlert>(HotAlertDuty.Access));
        services.AddScoped<CsiQuestionnaires>();
        services.AddScoped<CsiFigures>();
        services.AddScoped<ICustomerMergeStep, CsiMergeStep>();
        services.AddScoped<ICustomerTimelineSource, CsiTimelineSource>();
        services.AddScoped<IDemoDataSeeder, CsiDemoData>();
        return services;
    }
}

/// <summary>Merging files: the absorbed file's surveys and hot alerts become the survivor's.</summary>
public sealed class CsiMergeStep : ICustomerMergeStep
{
    public async Task MoveAsync(DealerCrmDbContext db, int fromCustomerId, int toCustomerId, CancellationToken cancellationToken)
    {
        foreach (var survey in await db.Surveys.Where(s => s.CustomerId == fromCustomerId).ToListAsync(cancellationToken))
        {
            survey.MoveToCustomer(toCustomerId);
        }

        foreach (var alert in await db.HotAlerts.Where(a => a.CustomerId == fromCustomerId).ToListAsync(cancellationToken))
        {
            alert.MoveToCustomer(toCustomerId);
        }
    }
}

/// <summary>The customer timeline's surveys: the index (or incomplete) and whether it raised a hot alert.</summary>
public sealed class CsiTimelineSource(DealerCrmDbContext db, IStringLocalizer<SharedResource> l) : ICustomerTimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(int customerId, CancellationToken cancellationToken)
    {
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.TakenUtc).Take(20)
            .Select(s => new { s.Id, s.Program, s.TakenUtc, s.Index, Alert = db.HotAlerts.Any(a => a.SurveyId == s.Id) })
            .ToListAsync(cancellationToken);
        return surveys.Select(s => new TimelineEvent(
            s.TakenUtc,
            s.Alert ? "bi-exclamation-octagon" : "bi-clipboard-check",
            l["Csi.Timeline", l.Label(s.Program), s.Index is { } i ? i.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : l["Csi.Incomplete"]],
            s.Alert ? l["Csi.Timeline.Alert"].Value : null,
            $"/Csi/Surveys/Details/{s.Id}")).ToList();
    }
}
