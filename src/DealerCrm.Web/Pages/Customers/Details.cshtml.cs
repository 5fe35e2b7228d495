using System.ComponentModel.DataAnnotations;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>
/// The whole customer file on one page: profile, contact (masked), family, vehicles,
/// deliveries, service history and the timeline. Phone numbers are shown whole only in the
/// answer to a reveal, which needs a reason and is logged.
/// </summary>
[Authorize(Policy = Policies.CustomersRead)]
public sealed class DetailsModel(
    DealerCrmDbContext db,
    IEnumerable<ICustomerTimelineSource> timelineSources,
    IAuthorizationService authorization,
    DealershipClock clock,
    IValidator<DetailsModel.RevealInput> revealValidator,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Customer Customer { get; private set; } = null!;

    public string? SalespersonName { get; private set; }

    public IReadOnlyList<Vehicle> Vehicles { get; private set; } = [];

    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public IReadOnlyList<TimelineEvent> Timeline { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool MayReveal { get; private set; }

    /// <summary>True only in the answer to a reveal: the page then shows the numbers whole.</summary>
    public bool Revealed { get; private set; }

    public Permissions Can { get; private set; } = new(false, false, false, false, false, false, false);

    [BindProperty]
    public RevealInput Reveal { get; set; } = new();

    public sealed record Permissions(bool Edit, bool EditVehicles, bool RecordDelivery, bool RecordVisit, bool ReadPrivacy, bool AdministerPrivacy, bool PrintLetters);

    public sealed record DeliveryRow(int Id, DateTime DeliveredAtUtc, string Vehicle, string? Plate, string Salesperson, Money Price, PaymentMethod PaymentMethod);

    public sealed record VisitRow(int Id, DateOnly VisitDate, string Vehicle, string? Plate, int Mileage, ServiceVisitType Type, string WorkItems, string Advisor, Money Amount, DateOnly? NextDate, int? NextMileage);

    public sealed class RevealInput
    {
        [Display(Name = "Field.RevealReason")]
        public string Reason { get; set; } = "";
    }

    public sealed class RevealValidator : AbstractValidator<RevealInput>
    {
        public RevealValidator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Reveal.ReasonRequired"]).MinimumLength(2).MaximumLength(200);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        if (!MayReveal)
        {
            return Forbid();
        }

        if (!await revealValidator.ValidateIntoAsync(Reveal, ModelState, "Reveal", cancellationToken))
        {
            return Page();
        }

        db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.RevealContact, Customer.Id, Reveal.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        Revealed = true;
        return Page();
    }

    /// <summary>A phone as this answer may show it: whole after a reveal, masked otherwise.</summary>
    public string Phone(string? number) => Revealed ? number ?? "" : PhoneMask.Mask(number);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking()
            .Include(c => c.OtherPhones).Include(c => c.Family).Include(c => c.ContactChanges)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (customer.MergedIntoId is { } survivor)
        {
            TempData["Flash"] = l["Customers.WasMerged", customer.Number].Value;
            return RedirectToPage("Details", new { id = survivor });
        }

        Customer = customer;
        Today = clock.Today;
        SalespersonName = await db.Users.Where(u => u.Id == customer.SalespersonId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        Vehicles = await db.Vehicles.AsNoTracking().Where(v => v.CustomerId == id).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        Deliveries = await db.Deliveries.AsNoTracking().Where(d => d.CustomerId == id)
            .OrderByDescending(d => d.DeliveredAtUtc)
            .Join(db.Vehicles, d => d.VehicleId, v => v.Id, (d, v) => new { d, v })
            .Join(db.Users, x => x.d.SalespersonId, u => u.Id, (x, u) => new DeliveryRow(
                x.d.Id, x.d.DeliveredAtUtc, x.v.Brand + " " + x.v.Model, x.v.Plate, u.DisplayName, x.d.Price, x.d.PaymentMethod))
            .ToListAsync(cancellationToken);
        Visits = await db.ServiceVisits.AsNoTracking().Where(s => s.CustomerId == id)
            .OrderByDescending(s => s.VisitDate).ThenByDescending(s => s.Id)
            .Join(db.Vehicles, s => s.VehicleId, v => v.Id, (s, v) => new { s, v })
            .Join(db.Users, x => x.s.ServiceAdvisorId, u => u.Id, (x, u) => new VisitRow(
                x.s.Id, x.s.VisitDate, x.v.Brand + " " + x.v.Model, x.v.Plate, x.s.Mileage, x.s.Type, x.s.WorkItems, u.DisplayName,
                x.s.Amount, x.s.NextMaintenanceDate, x.s.NextMaintenanceMileage))
            .ToListAsync(cancellationToken);

        var events = new List<TimelineEvent>();
        foreach (var source in timelineSources)
        {
            events.AddRange(await source.EventsAsync(id, cancellationToken));
        }

        Timeline = events.OrderByDescending(e => e.AtUtc).ToList();
        MayReveal = (await authorization.AuthorizeAsync(User, customer, CustomerOperations.RevealContact)).Succeeded;
        Can = new Permissions(
            await AllowedAsync(Policies.CustomersEdit),
            await AllowedAsync(Policies.VehiclesEdit),
            await AllowedAsync(Policies.DeliveriesRecord),
            await AllowedAsync(Policies.ServiceVisitsRecord),
            await AllowedAsync(Policies.PrivacyRead),
            await AllowedAsync(Policies.PrivacyAdmin),
            await AllowedAsync(Policies.LettersPrint));
        return null;
    }

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
