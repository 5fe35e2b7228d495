using DealerCrm.Domain.Common;
using DealerCrm.Domain.Complaints;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Complaints;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Calendar;
using DealerCrm.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Complaints;

/// <summary>
/// The demo dealership's complaints, each lived through the domain at its own past moments: cases
/// at every tier and status, some paused, one escalated by its deadline, one flagged near the
/// 7-working-day floor, a rejected solution escalated by the CS director, and eight weeks of
/// closed cases for the analysis. Runs once (skipped when any complaint exists).
/// </summary>
public sealed class ComplaintDemoData(
    DealerCrmDbContext db,
    ComplaintNumberAllocator numbers,
    WorkingCalendarProvider calendars,
    DealershipClock clock,
    IOptions<ComplaintPolicy> options,
    IOptions<FollowUpPolicy> followUpPolicy) : IDemoDataSeeder
{
    private static readonly string[] Stories =
    [
        "保养后空调仍不制冷，第二次返修",
        "销售顾问承诺的脚垫和贴膜迟迟未装",
        "等候维修超过三小时，无人告知进度",
        "配件缺货，预约的更换拖了两周",
        "结算时工时费比报价高出 300 元",
        "服务顾问态度生硬，不解释维修项目",
        "新车交付时发现漆面划痕",
        "洗车后车内物品遗失",
    ];

    public int Order => 30;

    private ComplaintPolicy Policy => options.Value;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Complaints.AnyAsync(cancellationToken))
        {
            return;
        }

        var customers = await db.Customers.AsNoTracking().Where(c => c.AnonymisedUtc == null && c.MergedIntoId == null)
            .OrderBy(c => c.Id).Take(40).Select(c => new { c.Id, Vehicle = db.Vehicles.Where(v => v.CustomerId == c.Id).Select(v => (int?)v.Id).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        if (customers.Count == 0)
        {
            return;
        }

        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken);
        ComplaintActor Person(string login, string role) =>
            new(users.FirstOrDefault(u => u.UserName == login)?.Id, login, [role]);
        var agent = Person("csagent", Roles.CsAgent);
        var director = Person("csdirector", Roles.CsDirector);
        var manager = Person("departmentmanager", Roles.DepartmentManager);
        var advisor = Person("serviceadvisor", Roles.ServiceAdvisor);
        var calendar = await calendars.GetAsync(cancellationToken);
        var now = clock.UtcNow;
        var n = 0;

        async Task<(Complaint Case, Func<double, DealershipClock> At)> Open(double hoursAgo, ComplaintChannel channel, ComplaintCategory category, ComplaintDepartment department,
            ComplaintSeverity severity = ComplaintSeverity.Minor, bool safety = false, ComplaintActor? by = null)
        {
            var customer = customers[n++ % customers.Count];
            var start = now.AddHours(-hoursAgo);
            DealershipClock At(double hoursAfter) => new(new FixedTime(start.AddHours(hoursAfter)), clock.Zone);
            var at = At(0);
            var number = await numbers.NextAsync(at.Today, cancellationToken);
            var draft = new ComplaintDraft(channel, category, severity, safety, customer.Id, customer.Vehicle, Stories[n % Stories.Length], department, start.AddHours(24));
            var complaint = new Complaint(number, draft, by ?? agent, Policy, calendar, at);
            complaint.RecordNotice(complaint.RolesToNotifyOnIntake(), by ?? agent, start);
            db.Complaints.Add(complaint);
            return (complaint, At);
        }

        void Resolve(Complaint c, DealershipClock at, bool accept = true)
        {
            c.RecordInvestigation("已查明原因，责任在我方", "免费返修并赠送一次保养", "班前会通报并加强交车前检查", manager, at.UtcNow);
            c.RecordCustomerAnswer("已电话告知客户处理方案", accept, agent, at.UtcNow.AddHours(1));
        }

        void Recover(Complaint c, DealershipClock at)
        {
            foreach (var step in ComplaintTiers.RequiredSteps(c.Severity))
            {
                var gift = step == RecoveryStep.SymbolicAtonement;
                c.RecordRecoveryStep(step, null, gift ? "保养代金券" : null, gift ? Money.FromYuan(500) : null, agent, at.UtcNow);
            }
        }

        void Close(Complaint c, DealershipClock at)
        {
            var call = new FollowUpTask(c.Close(director, Policy, at), at.UtcNow);
            // A case closed in the past had its follow-up call made when it fell due, as the
            // dealership would have; left open, the demo's return-visit rates would count them missed.
            if (call.DueUtc < now && agent.UserId is { } agentId)
            {
                if (call.OwnerUserId is null)
                {
                    call.Claim(agentId, agent.UserName, at.UtcNow);
                }

                call.RecordCall(new CallRecord(agentId, agent.UserName, CallOutcome.Reached, new Dictionary<int, string> { [1] = "客户对处理结果满意，感谢跟进" }, null), followUpPolicy.Value, call.DueUtc.AddHours(-1));
            }

            db.FollowUpTasks.Add(call);
        }

        // Tier 1, just in; and one paused on parts.
        await Open(2, ComplaintChannel.IncomingCall, ComplaintCategory.ServiceQuality, ComplaintDepartment.Service);
        var (paused, pausedAt) = await Open(10, ComplaintChannel.ReturnCall, ComplaintCategory.Parts, ComplaintDepartment.Parts);
        paused.Pause(ComplaintPauseReason.WaitingOnParts, "配件预计周五到货", agent, pausedAt(8).UtcNow);

        // On-site: the CS director was told at once.
        await Open(5, ComplaintChannel.OnSite, ComplaintCategory.Attitude, ComplaintDepartment.Service, by: advisor);

        // Escalated to tier 2 by its deadline, the new handlers told.
        var (late, lateAt) = await Open(30, ComplaintChannel.IncomingCall, ComplaintCategory.WaitingTime, ComplaintDepartment.Service);
        late.RecordNotice(late.ApplyDeadline(Policy, lateAt(Policy.Tier1DeadlineHours).UtcNow), ComplaintActor.System, lateAt(Policy.Tier1DeadlineHours).UtcNow);

        // A safety complaint (tier 2) with a solution put to the customer.
        var (safety, safetyAt) = await Open(20, ComplaintChannel.Letter, ComplaintCategory.ServiceQuality, ComplaintDepartment.Service, ComplaintSeverity.Serious, safety: true);
        safety.RecordInvestigation("刹车片装配不当", "免费更换刹车片并全面检查制动系统", "维修后必须路试并签字", manager, safetyAt(6).UtcNow);

        // From the authority (tier 3), paused waiting on the customer.
        var (authority, authorityAt) = await Open(12, ComplaintChannel.Authority, ComplaintCategory.Price, ComplaintDepartment.Sales, ComplaintSeverity.Serious);
        authority.Pause(ComplaintPauseReason.WaitingOnCustomer, "客户出差，下周一面谈", director, authorityAt(4).UtcNow);

        // The customer rejected the solution; the CS director moved it up.
        var (rejected, rejectedAt) = await Open(16, ComplaintChannel.IncomingCall, ComplaintCategory.Price, ComplaintDepartment.Sales);
        Resolve(rejected, rejectedAt(4), accept: false);
        rejected.RecordNotice(rejected.EscalateOnRejection(director, Policy, rejectedAt(6).UtcNow), director, rejectedAt(6).UtcNow);

        // Accepted, recovery under way.
        var (accepted, acceptedAt) = await Open(26, ComplaintChannel.OnSite, ComplaintCategory.Sales, ComplaintDepartment.Sales);
        Resolve(accepted, acceptedAt(5));
        accepted.RecordRecoveryStep(RecoveryStep.Apology, "店长当面致歉", null, null, agent, acceptedAt(7).UtcNow);

        // Near the legal floor: received 5 working days ago, the customer not yet told.
        var fiveBack = calendar.AddWorkingDays(clock.Today.AddDays(-14), 1);
        while (calendar.WorkingDaysBetween(fiveBack, clock.Today) > 5)
        {
            fiveBack = fiveBack.AddDays(1);
        }

        var floorHours = (now - clock.StartOfDayUtc(fiveBack).AddHours(10)).TotalHours;
        var (floor, floorAt) = await Open(floorHours, ComplaintChannel.Letter, ComplaintCategory.Other, ComplaintDepartment.CustomerService);
        floor.Pause(ComplaintPauseReason.WaitingOnCustomer, "客户暂无法联系", agent, floorAt(2).UtcNow);
        floor.ApplyLegalLimit(Policy, calendar, floorAt(floorHours - 0.01));

        // Eight weeks of closed cases for the analysis, some escalated, corrective actions decided.
        var categories = Enum.GetValues<ComplaintCategory>();
        var departments = Enum.GetValues<ComplaintDepartment>();
        var channels = Enum.GetValues<ComplaintChannel>().Where(c => c != ComplaintChannel.Authority).ToArray();
        for (var i = 0; i < 24; i++)
        {
            var hoursAgo = 24 * (7 + (i * 2.3));
            var serious = i % 4 == 0;
            var (closed, at) = await Open(hoursAgo, channels[i % channels.Length], categories[i % categories.Length], departments[i % departments.Length], serious ? ComplaintSeverity.Serious : ComplaintSeverity.Minor);
            var handled = 6 + (i * 7 % 40);
            if (i % 5 == 0)
            {
                handled = Math.Max(handled, Policy.Tier1DeadlineHours + 2);
                closed.ApplyDeadline(Policy, at(Policy.Tier1DeadlineHours).UtcNow);
            }

            Resolve(closed, at(handled));
            Recover(closed, at(handled + 2));
            Close(closed, at(handled + 3));
            if (i % 3 != 0)
            {
                closed.CorrectiveActionCarriedOut(director, at(handled + 48).UtcNow);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A clock standing at one past instant, for living a demo case through the domain.</summary>
    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
