using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Pages.Complaints;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Complaints;

/// <summary>
/// The site with the follow-up and complaint jobs' timers off: a test moves the clock and runs the
/// complaints job when it wants (<see cref="RunComplaintsJobAsync"/>).
/// </summary>
public class ComplaintFactory : FollowUpFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:FollowUps"] = "false",
        ["Jobs:Complaints"] = "false",
    };

    public async Task<ComplaintsJob.Result> RunComplaintsJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsJob>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Takes a complaint in through the intake, as the CS agent (or <paramref name="login"/>) would on the form.</summary>
    public async Task<Complaint> TakeInAsync(
        string customerName,
        ComplaintChannel channel = ComplaintChannel.IncomingCall,
        bool safety = false,
        ComplaintSeverity severity = ComplaintSeverity.Minor,
        string login = "csagent",
        string role = Roles.CsAgent,
        string? concernedUserId = null)
    {
        var customer = await CustomerTestData.CreateCustomerAsync(this, customerName);
        var userId = await CustomerTestData.UserIdAsync(this, login);
        await using var scope = Scope(out var db);
        var draft = new ComplaintDraft(channel, ComplaintCategory.ServiceQuality, severity, safety, customer.Id, null, "保养后异响未解决", ComplaintDepartment.Service,
            Clock.UtcNow.AddDays(1), concernedUserId);
        var complaint = await scope.ServiceProvider.GetRequiredService<ComplaintIntake>().AddAsync(draft, new ComplaintActor(userId, login, [role]), CancellationToken.None);
        await db.SaveChangesAsync();
        return complaint;
    }

    public Task<Complaint> ComplaintAsync(int id) =>
        WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Periods).Include(c => c.Events).Include(c => c.Recovery).AsSplitQuery().SingleAsync(c => c.Id == id));

    /// <summary>Role notices about the case (their links name it by number).</summary>
    public Task<List<(string? Role, string Key)>> NoticesAsync(Complaint complaint) =>
        WithDbAsync(async db => (await db.Notifications.AsNoTracking().Where(n => n.Link == ComplaintNotices.Link(complaint)).OrderBy(n => n.Id)
            .Select(n => new { n.RecipientRole, n.TextKey }).ToListAsync()).Select(n => (n.RecipientRole, n.TextKey)).ToList());
}
