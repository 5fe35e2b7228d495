using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
/// A customer asks to be forgotten: the CS director anonymises the file. Personal fields are
/// replaced (name, phones, birthday, address, family, plates), the history stays (deliveries,
/// visits, follow-ups, numbers), the personal values are scrubbed from the audit trail and the
/// contact history too, and the act itself is logged.
/// </summary>
[Authorize(Policy = Policies.PrivacyAdmin)]
public sealed class AnonymiseModel(DealerCrmDbContext db, IEnumerable<ICustomerAnonymiseStep> steps, DealershipClock clock, IValidator<AnonymiseModel.InputModel> validator, IStringLocalizer<SharedResource> l, ILogger<AnonymiseModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Customer Customer { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Field.AnonymiseReason")]
        public string Reason { get; set; } = "";

        [Display(Name = "Field.ConfirmNumber")]
        public string ConfirmNumber { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Anonymise.ReasonRequired"]).MaximumLength(200);
            RuleFor(x => x.ConfirmNumber).NotEmpty().WithMessage(l["Anonymise.ConfirmRequired"]);
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await EditableCustomer.FindAsync(db, id, cancellationToken) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.OtherPhones).Include(c => c.Family).Include(c => c.ContactChanges)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is not { IsMerged: false, IsAnonymised: false })
        {
            return NotFound();
        }

        Customer = customer;
        if (!await validator.ValidateIntoAsync(Input, ModelState, cancellationToken: cancellationToken))
        {
            return Page();
        }

        if (!string.Equals(Input.ConfirmNumber.Trim(), customer.Number, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.ConfirmNumber", l["Anonymise.NumberMismatch"]);
            return Page();
        }

        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            // Deleted and overwritten cells are zeroed on disk, not left in free space (see VACUUM below).
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The person is every file merged into this one (and into those), not only the survivor:
        // an absorbed file keeps its name, mobile and birthday as a pointer.
        var absorbed = new List<Customer>();
        var frontier = new List<int> { id };
        while (frontier.Count > 0)
        {
            var next = await db.Customers.Include(c => c.OtherPhones).Include(c => c.Family).Include(c => c.ContactChanges)
                .AsSplitQuery().Where(c => c.MergedIntoId != null && frontier.Contains(c.MergedIntoId.Value) && c.AnonymisedUtc == null)
                .ToListAsync(cancellationToken);
            absorbed.AddRange(next);
            frontier = next.Select(c => c.Id).ToList();
        }

        var files = absorbed.Prepend(customer).ToList();
        var fileIds = files.Select(f => f.Id).ToList();
        var phoneIds = files.SelectMany(f => f.OtherPhones).Select(p => Key(p.Id)).ToList();
        var familyIds = files.SelectMany(f => f.Family).Select(f => Key(f.Id)).ToList();
        var vehicles = await db.Vehicles.Where(v => fileIds.Contains(v.CustomerId)).ToListAsync(cancellationToken);
        foreach (var file in files)
        {
            file.Anonymise(l["Anonymise.Placeholder"], clock.UtcNow);
        }

        foreach (var vehicle in vehicles)
        {
            vehicle.ForgetPlate();
        }

        foreach (var step in steps)
        {
            foreach (var fileId in fileIds)
            {
                await step.OnAnonymisedAsync(db, fileId, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The trail (including the lines this very change just wrote) must not keep what was forgotten.
        var customerKeys = fileIds.Select(Key).ToList();
        // Vehicles ever held by these files (moved on a merge, their ids are the same).
        var vehicleIds = vehicles.Select(v => Key(v.Id)).ToList();
        var personal = await db.AuditEntries
            .Where(a => (a.EntityType == nameof(Domain.Customers.Customer) && customerKeys.Contains(a.EntityId))
                        || (a.EntityType == nameof(CustomerPhone) && phoneIds.Contains(a.EntityId))
                        || (a.EntityType == nameof(FamilyMember) && familyIds.Contains(a.EntityId)))
            .ToListAsync(cancellationToken);
        // A phone's "Number" is the phone itself, not the customer number the file keeps.
        personal.ForEach(a => a.Redact(field => a.EntityType == nameof(CustomerPhone)
            ? field != nameof(CustomerPhone.CustomerId)
            : field is not ("Kind" or "PurchasePurpose" or "Source" or "SalespersonId" or "CreatedUtc" or "CreatedBy" or "Number" or "MergedIntoId" or "AnonymisedUtc" or "Relation" or "CustomerId")));
        var plates = await db.AuditEntries.Where(a => a.EntityType == nameof(Vehicle) && vehicleIds.Contains(a.EntityId)).ToListAsync(cancellationToken);
        plates.ForEach(a => a.Redact(field => field == nameof(Vehicle.Plate)));

        db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.Anonymise, id, Input.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (sqlite)
        {
            // Rows changed before this request (the merge, earlier edits) left their old text in
            // free space that secure_delete never saw; VACUUM rewrites the file without it, and the
            // checkpoint empties the WAL of page images that still hold the values.
            try
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            }
            catch (System.Data.Common.DbException e)
            {
                // The anonymisation is committed; a busy database only delays the file's clean-up to the next VACUUM.
                logger.LogWarning(e, "VACUUM after anonymising customer {CustomerId} failed", id);
            }
        }


        TempData["Flash"] = l["Anonymise.Done", customer.Number].Value;
        return RedirectToPage("Details", new { id });
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
