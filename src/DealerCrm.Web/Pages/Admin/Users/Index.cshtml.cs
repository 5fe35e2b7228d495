using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Auth;
using DealerCrm.Web.Infrastructure.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Pages.Admin.Users;

/// <summary>All staff accounts with their roles and state; searchable by name or login.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(DealerCrmDbContext db, TimeProvider time) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<Row> Users { get; private set; } = null!;

    public sealed record Row(string Id, string DisplayName, string? UserName, string? Email, bool IsDisabled, DateTimeOffset? LockoutEnd, IReadOnlyList<string> Roles)
    {
        public bool IsLockedOut(DateTimeOffset now) => LockoutEnd > now;
    }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(u => u.DisplayName.Contains(q) || u.UserName!.Contains(q) || u.Email!.Contains(q));
        }

        Users = await query
            .OrderBy(u => u.IsDisabled).ThenBy(u => u.UserName)
            .Select(u => new Row(u.Id, u.DisplayName, u.UserName, u.Email, u.IsDisabled, u.LockoutEnd,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToList()))
            .ToPagedListAsync(PageNumber, PageSize, cancellationToken);
    }
}
