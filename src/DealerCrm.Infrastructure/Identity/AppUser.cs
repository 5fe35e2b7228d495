using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using Microsoft.AspNetCore.Identity;

namespace DealerCrm.Infrastructure.Identity;

/// <summary>
/// A member of staff. Users are disabled, never deleted: their name stays on the history they made.
/// Audited: who changed whose roles, name or password is on record (passwords as "changed" only).
/// </summary>
public sealed class AppUser : IdentityUser, IAuditable
{
    /// <summary>The person's real name as colleagues and customers know it (e.g. 李强).</summary>
    public string DisplayName { get; set; } = "";

    public bool IsDisabled { get; set; }

    /// <summary>The department a department manager (or the technical director) answers for; their cockpit shows its figures.</summary>
    public ComplaintDepartment? ManagedDepartment { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A role granted to a user; audited, so every grant and withdrawal of rights is on record.</summary>
public sealed class AppUserRole : IdentityUserRole<string>, IAuditable;
