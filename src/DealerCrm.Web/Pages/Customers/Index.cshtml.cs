using System.Collections.Concurrent;
using System.Linq.Expressions;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Privacy;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Infrastructure.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Customers;

/// <summary>The customer list: one search box, three filters, 20 a page, all in SQL.</summary>
[Authorize(Policy = Policies.CustomersRead)]
public sealed class IndexModel(DealerCrmDbContext db, StaffDirectory staff, IAuthorizationService authorization, DealershipClock clock) : PageModel
{
    public const int PageSize = 20;

    private IReadOnlyDictionary<string, string> _staffNames = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Salesperson { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Warranty { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Birthday { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public int? Size { get; set; }

    public PagedList<Row> Customers { get; private set; } = null!;

    public IReadOnlyList<StaffMember> Salespeople { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public bool MayExport { get; private set; }

    public bool MayImport { get; private set; }

    public bool HasFilter => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrEmpty(Salesperson) || Warranty || Birthday;

    public sealed record Row(int Id, string Number, string Name, CustomerKind Kind, string? Mobile, string? SalespersonId, string? FirstVehicle, int VehicleCount, bool IsAnonymised)
    {
        public string MaskedMobile => PhoneMask.Mask(Mobile);
    }

    /// <summary>The salesperson's name, from the staff list kept in memory rather than joined per row.</summary>
    public string? SalespersonName(Row row) => row.SalespersonId is { } id && _staffNames.TryGetValue(id, out var name) ? name : null;

    public CustomerFilter Filter => new(Q, Salesperson, Warranty, Birthday, ContactRevealHandler.MayRevealAnyNumber(User));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (CustomerSearch.IsPhoneDigits(Q))
        {
            // Who searched by phone and when, never the digits: the log must not become a list of numbers.
            db.PrivacyLog.Add(new PrivacyLogEntry(clock.UtcNow, User.UserId(), User.Identity!.Name!, PrivacyAction.PhoneSearch, null, null));
            await db.SaveChangesAsync(cancellationToken);
        }

        var sqlite = db.Database.IsSqlite();
        var args = CustomerSearch.ArgsFor(Filter, clock.Today, sqlite);
        var list = CompiledList.For(sqlite, args.Shape);
        Customers = await PagingExtensions.LoadPageAsync<Row>(PageNumber, PageSizes.Pick(Size, PageSize),
            async (skip, take) => await list.Page(db, args.Query, args.Number, args.Digits, args.Tail, args.Name, args.SalespersonId, args.WarrantyFrom, args.BirthdayMonth, skip, take).ToListAsync(cancellationToken),
            () => list.Count(db, args.Query, args.Number, args.Digits, args.Tail, args.Name, args.SalespersonId, args.WarrantyFrom, args.BirthdayMonth, cancellationToken));
        Salespeople = await staff.InRolesAsync([Roles.Salesperson, Roles.SalesManager], cancellationToken);
        _staffNames = await staff.NamesByIdAsync(cancellationToken);
        MayCreate = (await authorization.AuthorizeAsync(User, Policies.CustomersEdit)).Succeeded;
        MayExport = (await authorization.AuthorizeAsync(User, Policies.CustomersExport)).Succeeded;
        MayImport = (await authorization.AuthorizeAsync(User, Policies.CustomersImport)).Succeeded;
    }

    /// <summary>
    /// The list's two queries, compiled once per database provider and search shape: the page with
    /// its row summary, and the count (needed only when the page is full).
    /// </summary>
    private sealed class CompiledList(bool sqlite, SearchShape shape)
    {
        private static readonly ConcurrentDictionary<(bool Sqlite, SearchShape Shape), CompiledList> Compiled = new();

        private static readonly Expression<Func<DealerCrmDbContext, string?, string?, string?, string?, string?, string?, DateOnly?, int?, int, int, IQueryable<Row>>> PageQuery =
            (db, query, number, digits, tail, name, salespersonId, warrantyFrom, birthdayMonth, skip, take) =>
            CustomerSearch.Found(db, query, number, digits, tail, name, salespersonId, warrantyFrom, birthdayMonth)
                .OrderByDescending(c => c.Id)
                .Select(c => new Row(
                    c.Id, c.Number, c.Name, c.Kind, c.Mobile,
                    c.SalespersonId,
                    db.Vehicles.Where(v => v.CustomerId == c.Id).OrderBy(v => v.Id).Select(v => v.Plate ?? v.Model).FirstOrDefault(),
                    db.Vehicles.Count(v => v.CustomerId == c.Id),
                    c.AnonymisedUtc != null))
                .Skip(skip)
                .Take(take);

        private static readonly Expression<Func<DealerCrmDbContext, string?, string?, string?, string?, string?, string?, DateOnly?, int?, CancellationToken, int>> CountQuery =
            (db, query, number, digits, tail, name, salespersonId, warrantyFrom, birthdayMonth, _) =>
            CustomerSearch.Found(db, query, number, digits, tail, name, salespersonId, warrantyFrom, birthdayMonth).Count();

        public Func<DealerCrmDbContext, string?, string?, string?, string?, string?, string?, DateOnly?, int?, int, int, IAsyncEnumerable<Row>> Page { get; } = EF.CompileAsyncQuery(CustomerSearch.Expand(PageQuery, sqlite, shape));

        public Func<DealerCrmDbContext, string?, string?, string?, string?, string?, string?, DateOnly?, int?, CancellationToken, Task<int>> Count { get; } = EF.CompileAsyncQuery(CustomerSearch.Expand(CountQuery, sqlite, shape));

        public static CompiledList For(bool sqlite, SearchShape shape) => Compiled.GetOrAdd((sqlite, shape), key => new CompiledList(key.Sqlite, key.Shape));
    }
}
