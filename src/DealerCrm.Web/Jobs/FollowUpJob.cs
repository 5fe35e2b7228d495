using System.Data.Common;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Jobs;

/// <summary>
/// One run of the follow-up job: turns what is new on file into tasks, generates the occasions
/// of each new day, and applies time's rules (overdue, missed, out of tries).
/// Incremental: the cursor remembers the last delivery, visit, customer, family member and
/// vehicle seen and the last day generated, so a run with nothing new reads the cursor and
/// touches three indexes. Idempotent: every task has a unique key and its insert commits with
/// the cursor's advance, so a crash, a restart or a second instance never duplicates or loses one.
/// </summary>
public sealed class FollowUpJob(DealerCrmDbContext db, DealershipClock clock, IOptions<FollowUpPolicy> options, ILogger<FollowUpJob> logger) : IPeriodicJob
{
    public const string Name = "FollowUps";

    private const int KeysPerQuery = 1000;

    private readonly FollowUpPolicy _policy = options.Value;
    private FollowUpCadence Cadence => new(_policy, clock.Zone);
    private HashSet<string>? _activeUsers;

    /// <summary>Tasks planned in this batch, written by <see cref="RowInserter{T}"/> when the batch is saved.</summary>
    private readonly List<FollowUpTask> _newTasks = [];

    /// <summary>
    /// Called for each new task before time's rules apply to it. Only the demo data uses it, to give
    /// the dealership's past tasks a history (calls made, answers given) as they are created.
    /// </summary>
    public Action<FollowUpTask>? Shaping { get; set; }

    /// <summary>What a run did, for the log and the tests.</summary>
    public sealed record Result(int Created, int Overdue, int Missed, int Unreachable);

    async Task IPeriodicJob.RunOnceAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    public async Task<Result> RunOnceAsync(CancellationToken cancellationToken)
    {
        var horizon = clock.Today.AddDays(_policy.TaskLeadDays);
        var created = 0;
        await using (await SqliteBulkWrite.BeginAsync(db.Database, cancellationToken))
        {
            created += await FromNewRowsAsync(NewDeliveriesAsync, f => Cadence.ForDelivery(f, DateOnly.MinValue, horizon), (c, id) => c.LastDeliveryId = id, cancellationToken);
            created += await FromNewRowsAsync(NewServiceVisitsAsync, f => Cadence.ForServiceVisit(f, DateOnly.MinValue, horizon), (c, id) => c.LastServiceVisitId = id, cancellationToken);
            created += await FromNewRowsAsync(NewCustomersAsync, f => Cadence.ForBirthday(f, DateOnly.MinValue, horizon), (c, id) => c.LastCustomerId = id, cancellationToken);
            created += await FromNewRowsAsync(NewFamilyMembersAsync, f => Cadence.ForBirthday(f, DateOnly.MinValue, horizon), (c, id) => c.LastFamilyMemberId = id, cancellationToken);
            created += await FromNewRowsAsync(NewVehiclesAsync, f => Cadence.ForInsurance(f, DateOnly.MinValue, horizon), (c, id) => c.LastVehicleId = id, cancellationToken);
            created += await NewDaysAsync(horizon, cancellationToken);
        }

        var now = clock.UtcNow;
        var missed = await db.FollowUpTasks.Where(FollowUpRules.Lapsed(now)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, FollowUpStatus.Missed).SetProperty(t => t.CompletedUtc, now).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        var unreachable = await db.FollowUpTasks.Where(FollowUpRules.OutOfTries(_policy.MaxCallAttempts)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, FollowUpStatus.Unreachable).SetProperty(t => t.CompletedUtc, now).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        var overdue = await db.FollowUpTasks.Where(FollowUpRules.NewlyOverdue(now)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.IsOverdue, true).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);

        var result = new Result(created, overdue, missed, unreachable);
        if (result != new Result(0, 0, 0, 0))
        {
            logger.LogInformation("Follow-up job: {Created} created, {Overdue} overdue, {Missed} missed, {Unreachable} unreachable", created, overdue, missed, unreachable);
        }

        return result;
    }

    /// <summary>Source rows newer than the cursor, a batch at a time: their tasks and the cursor's advance commit together.</summary>
    private async Task<int> FromNewRowsAsync<TFacts>(
        Func<FollowUpCursor, CancellationToken, Task<(IReadOnlyList<TFacts> Facts, int? LastId)>> next,
        Func<TFacts, IEnumerable<PlannedTask>> plan,
        Action<FollowUpCursor, int> advance,
        CancellationToken cancellationToken)
    {
        var created = 0;
        var lookUpKeys = false;
        while (true)
        {
            var cursor = await CursorAsync(cancellationToken);
            var (facts, lastId) = await next(cursor, cancellationToken);
            if (lastId is null)
            {
                return created;
            }

            // Rows past the cursor have no tasks yet (a task commits with the cursor's advance over
            // its row), so their keys need not be looked up. If another instance was quicker, the
            // unique index refuses the batch: read the cursor and the rows again, and look up.
            var added = await AddMissingAsync(facts.SelectMany(plan), lookUpKeys, cancellationToken);
            advance(cursor, lastId.Value);
            try
            {
                await SaveBatchAsync(cancellationToken);
            }
            catch (DbUpdateException) when (!lookUpKeys)
            {
                _newTasks.Clear();
                db.ChangeTracker.Clear();
                lookUpKeys = true;
                continue;
            }

            created += added;
            lookUpKeys = false;
        }
    }

    /// <summary>Each local day entering the horizon: the occasions (contacts, anniversaries, birthdays, renewals) that fall due on it.</summary>
    private async Task<int> NewDaysAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var created = 0;
        var cursor = await CursorAsync(cancellationToken);
        if (cursor.HorizonDate is null)
        {
            // The first run generated everything up to the horizon from the rows themselves.
            cursor.HorizonDate = horizon;
            await SaveBatchAsync(cancellationToken);
            return 0;
        }

        while (cursor.HorizonDate < horizon)
        {
            var day = cursor.HorizonDate.Value.AddDays(1);
            var planned = new List<PlannedTask>();
            planned.AddRange((await DeliveriesWithTasksOnAsync(day, cursor, cancellationToken)).SelectMany(f => Cadence.ForDelivery(f, day.AddDays(-1), day)));
            planned.AddRange((await ServiceVisitsWithRevisitOnAsync(day, cursor, cancellationToken)).SelectMany(f => Cadence.ForServiceVisit(f, day.AddDays(-1), day)));
            planned.AddRange((await BirthdaysOnAsync(day, cursor, cancellationToken)).SelectMany(f => Cadence.ForBirthday(f, day.AddDays(-1), day)));
            planned.AddRange((await RenewalsOnAsync(day, cursor, cancellationToken)).SelectMany(f => Cadence.ForInsurance(f, day.AddDays(-1), day)));
            created += await AddMissingAsync(planned, lookUpKeys: true, cancellationToken);
            cursor.HorizonDate = day;
            await SaveBatchAsync(cancellationToken);
            cursor = await CursorAsync(cancellationToken);
        }

        return created;
    }

    /// <summary>Adds the planned tasks not yet on file, born in the state their age gives them (an occasion already over is left out).</summary>
    private async Task<int> AddMissingAsync(IEnumerable<PlannedTask> plannedTasks, bool lookUpKeys, CancellationToken cancellationToken)
    {
        var active = await ActiveUsersAsync(cancellationToken);
        var now = clock.UtcNow;
        var born = new List<FollowUpTask>();
        foreach (var planned in plannedTasks.DistinctBy(p => p.Key))
        {
            // A task for someone who has left goes to their role's pool, for a colleague to claim.
            var task = new FollowUpTask(planned.OwnerUserId is { } owner && !active.Contains(owner) ? planned with { OwnerUserId = null } : planned, now);
            Shaping?.Invoke(task);
            task.Tidy(_policy, now);
            // An occasion whose window closed before the job first saw it (history loaded at
            // go-live, a birthday entered late) is left out: nobody could have acted on it, and a
            // miss nobody ever had in their queue would only distort their rates.
            if (task.Status != FollowUpStatus.Missed)
            {
                born.Add(task);
            }
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        // Each chunk's keys go as one JSON parameter: EF's default, a parameter a key, met SQLite's
        // limit of 32,766 a statement, and SQLite finds each parameter by a linear search of
        // their names, a million string comparisons for a thousand keys.
        foreach (var keys in lookUpKeys ? born.Select(t => t.Key).Chunk(KeysPerQuery) : [])
        {
            existing.UnionWith(await db.FollowUpTasks.Where(t => EF.Parameter(keys).Contains(t.Key)).Select(t => t.Key).ToListAsync(cancellationToken));
        }

        var added = born.Where(t => !existing.Contains(t.Key)).ToList();
        // Plain new tasks take the fast path; the demo's shaped ones carry answers and a log for EF to write.
        _newTasks.AddRange(added.Where(t => t.Answers.Count == 0 && t.Log.Count == 0));
        db.FollowUpTasks.AddRange(added.Where(t => t.Answers.Count > 0 || t.Log.Count > 0));
        return added.Count;
    }

    /// <summary>The batch's new tasks and the cursor's advance, in one transaction.</summary>
    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (_newTasks.Count > 0)
            {
                await using var rows = new RowInserter<FollowUpTask>(db);
                await rows.InsertAsync(_newTasks, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("A batch of follow-up tasks was not saved (another instance may have created them first).", e);
        }

        await transaction.CommitAsync(cancellationToken);
        _newTasks.Clear();
        db.ChangeTracker.Clear();
    }

    /// <summary>The cursor row, created (and committed) on the very first run.</summary>
    private async Task<FollowUpCursor> CursorAsync(CancellationToken cancellationToken)
    {
        var cursor = await db.FollowUpCursors.SingleOrDefaultAsync(c => c.Id == FollowUpCursor.SingletonId, cancellationToken);
        if (cursor is not null)
        {
            return cursor;
        }

        db.FollowUpCursors.Add(new FollowUpCursor());
        try
        {
            await SaveBatchAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created it a moment ago.
            db.ChangeTracker.Clear();
        }

        return await db.FollowUpCursors.SingleAsync(c => c.Id == FollowUpCursor.SingletonId, cancellationToken);
    }

    private async Task<HashSet<string>> ActiveUsersAsync(CancellationToken cancellationToken) =>
        _activeUsers ??= (await db.Users.Where(u => !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();

    // ---- Facts: what the cadence needs of each source, read in SQL ----

    private IQueryable<DeliveryFacts> DeliveryFactsQuery(IQueryable<Delivery> deliveries) =>
        from d in deliveries
        join c in db.Customers on d.CustomerId equals c.Id
        join v in db.Vehicles on d.VehicleId equals v.Id
        select new DeliveryFacts(d.Id, d.CustomerId, d.VehicleId, d.DeliveredAtUtc, d.SalespersonId, c.SalespersonId,
            v.CustomerId == d.CustomerId, c.MergedIntoId == null && c.AnonymisedUtc == null);

    private async Task<(IReadOnlyList<DeliveryFacts>, int?)> NewDeliveriesAsync(FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var facts = await DeliveryFactsQuery(db.Deliveries.Where(d => d.Id > cursor.LastDeliveryId).OrderBy(d => d.Id).Take(_policy.JobBatchSize))
            .ToListAsync(cancellationToken);
        return (facts, facts.Count == 0 ? null : facts.Max(f => f.DeliveryId));
    }

    private async Task<IReadOnlyList<DeliveryFacts>> DeliveriesWithTasksOnAsync(DateOnly day, FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var earliest = await db.Deliveries.Where(d => d.Id <= cursor.LastDeliveryId).MinAsync(d => (DateTime?)d.DeliveredAtUtc, cancellationToken);
        if (earliest is null)
        {
            return [];
        }

        var facts = new List<DeliveryFacts>();
        // One small indexed range query per candidate delivery day.
        foreach (var deliveryDay in Cadence.DeliveryDaysWithTasksDueOn(day, clock.LocalDateOf(earliest.Value)))
        {
            var from = clock.StartOfDayUtc(deliveryDay);
            var to = clock.StartOfDayUtc(deliveryDay.AddDays(1));
            facts.AddRange(await DeliveryFactsQuery(db.Deliveries.Where(d => d.Id <= cursor.LastDeliveryId && d.DeliveredAtUtc >= from && d.DeliveredAtUtc < to))
                .ToListAsync(cancellationToken));
        }

        return facts;
    }

    private IQueryable<ServiceVisitFacts> VisitFactsQuery(IQueryable<ServiceVisit> visits) =>
        from s in visits
        join c in db.Customers on s.CustomerId equals c.Id
        select new ServiceVisitFacts(s.Id, s.CustomerId, s.VehicleId, s.VisitDate, s.ServiceAdvisorId, c.MergedIntoId == null && c.AnonymisedUtc == null);

    private async Task<(IReadOnlyList<ServiceVisitFacts>, int?)> NewServiceVisitsAsync(FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var facts = await VisitFactsQuery(db.ServiceVisits.Where(s => s.Id > cursor.LastServiceVisitId).OrderBy(s => s.Id).Take(_policy.JobBatchSize))
            .ToListAsync(cancellationToken);
        return (facts, facts.Count == 0 ? null : facts.Max(f => f.ServiceVisitId));
    }

    private async Task<IReadOnlyList<ServiceVisitFacts>> ServiceVisitsWithRevisitOnAsync(DateOnly day, FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var visitDay = day.AddDays(-_policy.AfterServiceRevisitDueDays);
        return await VisitFactsQuery(db.ServiceVisits.Where(s => s.Id <= cursor.LastServiceVisitId && s.VisitDate == visitDay)).ToListAsync(cancellationToken);
    }

    private async Task<(IReadOnlyList<BirthdayFacts>, int?)> NewCustomersAsync(FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var rows = await db.Customers.Where(c => c.Id > cursor.LastCustomerId).OrderBy(c => c.Id).Take(_policy.JobBatchSize)
            .Select(c => new { c.Id, c.Birthday, c.SalespersonId, c.CreatedUtc, Reachable = c.MergedIntoId == null && c.AnonymisedUtc == null })
            .ToListAsync(cancellationToken);
        var facts = rows.Where(r => r.Birthday is not null)
            .Select(r => new BirthdayFacts(r.Id, null, r.Birthday!.Value, r.SalespersonId, clock.LocalDateOf(r.CreatedUtc), r.Reachable)).ToList();
        return (facts, rows.Count == 0 ? null : rows.Max(r => r.Id));
    }

    private async Task<(IReadOnlyList<BirthdayFacts>, int?)> NewFamilyMembersAsync(FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var rows = await (from f in db.FamilyMembers
                          where f.Id > cursor.LastFamilyMemberId
                          join c in db.Customers on f.CustomerId equals c.Id
                          orderby f.Id
                          select new { f.Id, f.CustomerId, f.Birthday, f.CreatedUtc, Reachable = c.MergedIntoId == null && c.AnonymisedUtc == null })
            .Take(_policy.JobBatchSize).ToListAsync(cancellationToken);
        var facts = rows.Where(r => r.Birthday is not null)
            .Select(r => new BirthdayFacts(r.CustomerId, r.Id, r.Birthday!.Value, null, clock.LocalDateOf(r.CreatedUtc), r.Reachable)).ToList();
        return (facts, rows.Count == 0 ? null : rows.Max(r => r.Id));
    }

    /// <summary>Birthdays on the day (29 February ones on 28 February in other years): a once-a-day query.</summary>
    private async Task<IReadOnlyList<BirthdayFacts>> BirthdaysOnAsync(DateOnly day, FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var leapDayToo = day is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(day.Year);
        var customers = await db.Customers
            .Where(c => c.Id <= cursor.LastCustomerId && c.Birthday != null && c.MergedIntoId == null && c.AnonymisedUtc == null
                        && c.Birthday.Value.Month == day.Month && (c.Birthday.Value.Day == day.Day || (leapDayToo && c.Birthday.Value.Day == 29)))
            .Select(c => new { c.Id, c.Birthday, c.SalespersonId, c.CreatedUtc })
            .ToListAsync(cancellationToken);
        var family = await (from f in db.FamilyMembers
                            join c in db.Customers on f.CustomerId equals c.Id
                            where f.Id <= cursor.LastFamilyMemberId && f.Birthday != null && c.MergedIntoId == null && c.AnonymisedUtc == null
                                  && f.Birthday.Value.Month == day.Month && (f.Birthday.Value.Day == day.Day || (leapDayToo && f.Birthday.Value.Day == 29))
                            select new { f.Id, f.CustomerId, f.Birthday, f.CreatedUtc })
            .ToListAsync(cancellationToken);
        return customers.Select(c => new BirthdayFacts(c.Id, null, c.Birthday!.Value, c.SalespersonId, clock.LocalDateOf(c.CreatedUtc), true))
            .Concat(family.Select(f => new BirthdayFacts(f.CustomerId, f.Id, f.Birthday!.Value, null, clock.LocalDateOf(f.CreatedUtc), true)))
            .ToList();
    }

    private sealed record VehicleRow(int Id, int CustomerId, DateOnly Expiry, DateTime CreatedUtc, bool Reachable);

    private IQueryable<VehicleRow> VehicleRows(IQueryable<Vehicle> vehicles) =>
        from v in vehicles
        join c in db.Customers on v.CustomerId equals c.Id
        where v.InsuranceExpiry != null
        select new VehicleRow(v.Id, v.CustomerId, v.InsuranceExpiry!.Value, v.CreatedUtc, c.MergedIntoId == null && c.AnonymisedUtc == null);

    private InsuranceFacts ToFacts(VehicleRow v) => new(v.Id, v.CustomerId, v.Expiry, clock.LocalDateOf(v.CreatedUtc), v.Reachable);

    private async Task<(IReadOnlyList<InsuranceFacts>, int?)> NewVehiclesAsync(FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var ids = await db.Vehicles.Where(v => v.Id > cursor.LastVehicleId).OrderBy(v => v.Id).Take(_policy.JobBatchSize).Select(v => v.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return ([], null);
        }

        var from = ids[0];
        var to = ids[^1];
        var rows = await VehicleRows(db.Vehicles.Where(v => v.Id >= from && v.Id <= to)).ToListAsync(cancellationToken);
        return (rows.Select(ToFacts).ToList(), to);
    }

    /// <summary>Renewal reminders due on the day: vehicles whose expiry falls, on the calendar, the reminder lead after it.</summary>
    private async Task<IReadOnlyList<InsuranceFacts>> RenewalsOnAsync(DateOnly day, FollowUpCursor cursor, CancellationToken cancellationToken)
    {
        var expiry = day.AddDays(_policy.InsuranceReminderDaysBefore);
        var rows = await VehicleRows(db.Vehicles.Where(v => v.Id <= cursor.LastVehicleId && v.InsuranceExpiry != null
                && v.InsuranceExpiry.Value.Month == expiry.Month && v.InsuranceExpiry.Value.Day == expiry.Day))
            .ToListAsync(cancellationToken);
        return rows.Select(ToFacts).ToList();
    }
}
