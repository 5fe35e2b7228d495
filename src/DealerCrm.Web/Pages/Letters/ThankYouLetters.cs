using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Letters;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Infrastructure.Letters;
using DealerCrm.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Letters;

/// <summary>A letter ready to render: its delivery, its follow-up task (if the job made one) and the document.</summary>
public sealed record PreparedLetter(int DeliveryId, long? TaskId, string CustomerName, LetterDocument Document);

/// <summary>
/// Puts thank-you letters together from the file (customer, vehicle, delivery, salesperson),
/// the administrator's template and the dealership's letterhead, and renders them to PDF.
/// Every print is written to the letter task's log: printing again is allowed, and on record.
/// </summary>
public sealed class ThankYouLetters(
    DealerCrmDbContext db,
    ILetterRenderer renderer,
    DealershipClock clock,
    IOptions<DealershipOptions> dealership,
    DataPaths paths)
{
    public async Task<string> TemplateAsync(CancellationToken cancellationToken) =>
        await db.LetterTemplates.Where(t => t.Id == LetterTemplateSetting.SingletonId).Select(t => t.Body).SingleOrDefaultAsync(cancellationToken)
        ?? LetterTemplate.DefaultThankYouTemplate;

    public DealershipLetterhead Letterhead()
    {
        var options = dealership.Value;
        var head = new DealershipLetterhead(options.Name, options.Address, options.ServiceHotline);
        if (string.IsNullOrWhiteSpace(options.LogoPath))
        {
            return head;
        }

        var path = Path.IsPathRooted(options.LogoPath) ? options.LogoPath : Path.Combine(paths.Root, options.LogoPath);
        return File.Exists(path) ? head with { Logo = File.ReadAllBytes(path) } : head;
    }

    /// <summary>The letters of these deliveries, in the given order; deliveries not found are left out.</summary>
    public async Task<IReadOnlyList<PreparedLetter>> PrepareAsync(IReadOnlyList<int> deliveryIds, DateOnly letterDate, CancellationToken cancellationToken)
    {
        var rows = await (from d in db.Deliveries
                          where deliveryIds.Contains(d.Id)
                          join c in db.Customers on d.CustomerId equals c.Id
                          join v in db.Vehicles on d.VehicleId equals v.Id
                          join u in db.Users on d.SalespersonId equals u.Id
                          select new
                          {
                              d.Id,
                              d.DeliveredAtUtc,
                              c.Name,
                              c.Gender,
                              c.Kind,
                              c.ContactPerson,
                              c.ContactGender,
                              c.AnonymisedUtc,
                              v.Brand,
                              v.Model,
                              v.FirstMaintenanceDue,
                              v.FirstMaintenanceMileage,
                              Salesperson = u.DisplayName,
                              SalespersonPhone = u.PhoneNumber,
                              TaskId = db.FollowUpTasks.Where(t => t.DeliveryId == d.Id && t.Kind == FollowUpKind.ThankYouLetter).Select(t => (long?)t.Id).FirstOrDefault(),
                          })
            .ToListAsync(cancellationToken);
        var template = await TemplateAsync(cancellationToken);
        var head = Letterhead();
        return deliveryIds
            .Select(id => rows.SingleOrDefault(r => r.Id == id))
            .Where(r => r is not null && r.AnonymisedUtc is null)
            .Select(r => new PreparedLetter(r!.Id, r.TaskId, r.Name, ThankYouLetterComposer.Compose(new ThankYouLetterFacts(
                r.Name, r.Gender, r.Kind == CustomerKind.Company, r.ContactPerson, r.ContactGender,
                $"{r.Brand} {r.Model}", clock.LocalDateOf(r.DeliveredAtUtc), r.Salesperson, r.SalespersonPhone ?? "",
                dealership.Value.ServiceHotline, r.FirstMaintenanceDue, r.FirstMaintenanceMileage, letterDate), template, head)))
            .ToList();
    }

    /// <summary>Renders the letters as one PDF (one page each, the font embedded once) and logs the print on each task.</summary>
    public async Task<byte[]> PrintAsync(IReadOnlyList<PreparedLetter> letters, string userName, CancellationToken cancellationToken)
    {
        var pdf = renderer.RenderPdf(letters.Select(l => l.Document).ToList());
        var taskIds = letters.Where(l => l.TaskId is not null).Select(l => l.TaskId!.Value).ToList();
        foreach (var task in await db.FollowUpTasks.Where(t => taskIds.Contains(t.Id)).ToListAsync(cancellationToken))
        {
            task.RecordLetterPrinted(userName, clock.UtcNow);
        }

        await db.SaveChangesAsync(cancellationToken);
        return pdf;
    }
}
