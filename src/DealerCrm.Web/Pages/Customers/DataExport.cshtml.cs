using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Localization;
using DealerCrm.Web.Infrastructure.Spreadsheets;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// Everything the dealership holds about one customer, as a workbook, for the customer's own
/// request (查询个人信息). Numbers are whole here: it is the customer's data going to the
/// customer. Only the CS director, with a reason, and logged.
/// </summary>
[Authorize(Policy = Policies.PrivacyAdmin)]
public sealed class DataExportModel(DealerCrmDbContext db, DealershipClock clock, IValidator<DataExportModel.InputModel> validator, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Field.ExportReason")]
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(l["DataExport.ReasonRequired"]).MaximumLength(200);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.ExportCustomerData, id, Input.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);

        using var book = await BuildAsync(customer, cancellationToken);
        return File(book.ToBytes(), Spreadsheet.ContentType, l["DataExport.FileName", customer.Number]);
    }

    private async Task<Customer?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Include(c => c.OtherPhones).Include(c => c.Family).Include(c => c.ContactChanges)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id && c.MergedIntoId == null, cancellationToken);

    private async Task<Spreadsheet> BuildAsync(Customer c, CancellationToken cancellationToken)
    {
        var salesperson = await db.Users.Where(u => u.Id == c.SalespersonId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => v.CustomerId == c.Id).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.CustomerId == c.Id)
            .Join(db.Vehicles, d => d.VehicleId, v => v.Id, (d, v) => new { d, v.Vin, v.Model })
            .Join(db.Users, x => x.d.SalespersonId, u => u.Id, (x, u) => new { x.d.DeliveredAtUtc, x.Vin, x.Model, u.DisplayName, x.d.Price, x.d.PaymentMethod })
            .ToListAsync(cancellationToken);
        var visits = await db.ServiceVisits.AsNoTracking().Where(s => s.CustomerId == c.Id)
            .Join(db.Vehicles, s => s.VehicleId, v => v.Id, (s, v) => new { s, v.Vin })
            .OrderBy(x => x.s.VisitDate).ToListAsync(cancellationToken);

        var book = new Spreadsheet();
        book.AddSheet(l["DataExport.Sheet.Profile"], [l["DataExport.Field"], l["DataExport.Value"]], new (string, object?)[]
        {
            (l["Field.CustomerNumber"], c.Number), (l["Field.CustomerName"], c.Name), (l["Field.CustomerKind"], l.Label(c.Kind)),
            (l["Field.Gender"], l.Label(c.Gender)), (l["Field.Birthday"], c.Birthday), (l["Field.Mobile"], c.Mobile),
            (l["Field.OtherPhones"], string.Join("、", c.OtherPhones.Select(p => p.Number))), (l["Field.Address"], c.Address),
            (l["Field.Occupation"], c.Occupation), (l["Field.ContactPerson"], c.ContactPerson), (l["Field.ContactPosition"], c.ContactPosition),
            (l["Field.PurchasePurpose"], l.Label(c.PurchasePurpose)), (l["Field.Source"], l.Label(c.Source)),
            (l["Field.InterestedModels"], c.InterestedModels), (l["Field.Concerns"], c.Concerns), (l["Field.Notes"], c.Notes),
            (l["Field.Salesperson"], salesperson), (l["Customers.FileOpened"], clock.ToLocal(c.CreatedUtc)),
        }.Select(r => (IReadOnlyList<object?>)[r.Item1, r.Item2]));
        book.AddSheet(l["Family.Title"], [l["Field.Name"], l["Field.Relation"], l["Field.Gender"], l["Field.Birthday"], l["Field.Phone"]],
            c.Family.Select(f => (IReadOnlyList<object?>)[f.Name, l.Label(f.Relation), l.Label(f.Gender), f.Birthday, f.Phone]));
        book.AddSheet(l["Vehicles.Title"], [l["Field.Vin"], l["Field.Plate"], l["Field.Brand"], l["Field.Model"], l["Field.Color"], l["Field.WarrantyExpiry"], l["Field.InsuranceExpiry"]],
            vehicles.Select(v => (IReadOnlyList<object?>)[v.Vin, v.Plate, v.Brand, v.Model, v.Color, v.WarrantyExpiry, v.InsuranceExpiry]));
        book.AddSheet(l["Deliveries.Title"], [l["Field.DeliveredAt"], l["Field.Vin"], l["Field.Model"], l["Field.Salesperson"], l["Field.PriceYuan"], l["Field.PaymentMethod"]],
            deliveries.Select(d => (IReadOnlyList<object?>)[clock.ToLocal(d.DeliveredAtUtc), d.Vin, d.Model, d.DisplayName, d.Price.Yuan, l.Label(d.PaymentMethod)]));
        book.AddSheet(l["ServiceVisits.Title"], [l["Field.VisitDate"], l["Field.Vin"], l["Field.VisitType"], l["Field.Mileage"], l["Field.WorkItems"], l["Field.AmountYuan"]],
            visits.Select(x => (IReadOnlyList<object?>)[x.s.VisitDate, x.Vin, l.Label(x.s.Type), x.s.Mileage, x.s.WorkItems, x.s.Amount.Yuan]));
        book.AddSheet(l["Customers.ContactHistory"], [l["Audit.When"], l["Audit.Who"], l["DataExport.Field"], l["DataExport.Old"], l["DataExport.New"]],
            c.ContactChanges.OrderBy(h => h.AtUtc).Select(h => (IReadOnlyList<object?>)[clock.ToLocal(h.AtUtc), h.ChangedBy, l.Label(h.Field), h.OldValue, h.NewValue]));
        return book;
    }
}
