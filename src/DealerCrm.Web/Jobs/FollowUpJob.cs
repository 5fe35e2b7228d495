using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using DealerCrm.Domain.Common;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Jobs;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
public sealed class FollowUpJob(
    DealerCrmDbContext db,
    DealershipClock clock,
    IOptions<FollowUpPolicy> options,
    IStringLocalizer<SharedResource> l,
    ILogger<FollowUpJob> logger) : IPeriodicJob
{
    public const string Name = "FollowUps";

    private const int KeysPerQuery = 1000;

    private readonly FollowUpPolicy _policy = options.Value;
    private FollowUpCadence Cadence => new(_policy, clock.Zone);
    private HashSet<string>? _activeUsers;


    /// <summary>Tasks planned in this batch, written by <see cref="RowInserter{T}"/> when the batch is saved.</summary>
    private readonly List<FollowUpTask> _newTasks = [];

    /// <summary>Rows of this batch that could not be planned, recorded when the batch is saved.</summary>
    private readonly List<(string Source, long SourceId, string Reason)> _setAside = [];

    private int _setAsideCount;

    /// <summary>Duties of this batch left out as past serving when first seen, by kind; counted when the batch is saved.</summary>
    private readonly Dictionary<FollowUpKind, int> _skipped = [];

    /// <summary>
    /// Called for each new task before time's rules apply to it. Only the demo data uses it, to give
    /// the dealership's past tasks a history (calls made, answers given) as they are created.
    /// </summary>
    public Action<FollowUpTask>? Shaping { get; set; }

    /// <summary>
    /// The demo replays a dealership's past: what it creates was seen in its time, so the go-live
    /// rule (<see cref="FollowUpCadence.TooLateWhenFirstSeen"/>) does not apply.
    /// </summary>
    public bool ReplaysHistory { get; set; }

    /// <summary>What a run did, for the log and the tests.</summary>
    public sealed record Result(int Created, int Overdue, int Missed, int Unreachable)
    {
        /// <summary>Source rows this run could not plan, set aside for the administrator.</summary>
        public int SetAside { get; init; }
    }

    async Task IPeriodicJob.RunOnceAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>
    /// Each step runs whatever another step met: a source that cannot be read this time does not
    /// stop the others, nor the overdue sweep. A row that cannot be planned is set aside and the
    /// step goes on. A run with a failed step ends by throwing, so the host logs it as failed.
    /// </summary>
    public async Task<Result> RunOnceAsync(CancellationToken cancellationToken)
    {
        var horizon = clock.Today.AddDays(_policy.TaskLeadDays);
        var created = 0;
        var failures = new List<Exception>();
        async Task<int> Step(Func<Task<int>> step)
        {
            try
            {
                return await step();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Follow-up job run failed in one step; the other steps went on and the next run will pick up where this one stopped");
                failures.Add(e);
                ForgetBatch();
                return 0;
            }
        }

        await using (await SqliteBulkWrite.BeginAsync(db.Database, cancellationToken))
        {
            created += await Step(() => RetrySetAsideAsync(horizon, cancellationToken));
            foreach (var source in Sources)
            {
                created += await Step(() => source.CatchUpAsync(this, horizon, cancellationToken));
            }

            created += await Step(() => RecheckChangedFactsAsync(cancellationToken));
            created += await Step(() => NewDaysAsync(horizon, cancellationToken));
        }

        var now = clock.UtcNow;
        var missed = await Step(() => db.FollowUpTasks.Where(FollowUpRules.Lapsed(now)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, FollowUpStatus.Missed).SetProperty(t => t.CompletedUtc, now).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken));
        var unreachable = await Step(() => db.FollowUpTasks.Where(FollowUpRules.OutOfTries(_policy.MaxCallAttempts)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Status, FollowUpStatus.Unreachable).SetProperty(t => t.CompletedUtc, now).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken));
        var overdue = await Step(() => db.FollowUpTasks.Where(FollowUpRules.NewlyOverdue(now)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.IsOverdue, true).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken));

        var result = new Result(created, overdue, missed, unreachable) { SetAside = _setAsideCount };
        if (result != new Result(0, 0, 0, 0))
        {
            logger.LogInformation("Follow-up job: {Created} created, {Overdue} overdue, {Missed} missed, {Unreachable} unreachable, {SetAside} set aside",
                created, overdue, missed, unreachable, _setAsideCount);
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("The follow-up job did not finish every step; the next run takes them up again.", failures);
        }

        return result;
    }

    private IEnumerable<IFactSource> Sources =>
    [
        new FactSource<DeliveryFacts>(FollowUpSources.Delivery, c => c.LastDeliveryId, (c, id) => c.LastDeliveryId = id,
            (after, ct) => NextIdsAsync(db.Deliveries.Select(d => d.Id), after, ct),
            (ids, range, ct) => DeliveryFactsQuery(db.Deliveries.Where(Among<Delivery>(ids, range, d => d.Id))).ToListAsync(ct),
            DeliveriesWithTasksOnAsync,
            (f, after, through) => Cadence.ForDelivery(f, after, through)),
        new FactSource<ServiceVisitFacts>(FollowUpSources.ServiceVisit, c => c.LastServiceVisitId, (c, id) => c.LastServiceVisitId = id,
            (after, ct) => NextIdsAsync(db.ServiceVisits.Select(s => s.Id), after, ct),
            (ids, range, ct) => VisitFactsQuery(db.ServiceVisits.Where(Among<ServiceVisit>(ids, range, s => s.Id))).ToListAsync(ct),
            ServiceVisitsWithRevisitOnAsync,
            (f, after, through) => Cadence.ForServiceVisit(f, after, through)),
        new FactSource<BirthdayFacts>(FollowUpSources.Customer, c => c.LastCustomerId, (c, id) => c.LastCustomerId = id,
            (after, ct) => NextIdsAsync(db.Customers.Select(c => c.Id), after, ct),
            CustomerBirthdaysAsync,
            CustomersWithBirthdayOnAsync,
            (f, after, through) => Cadence.ForBirthday(f, after, through),
            (f, today) => f with { KnownSince = today },
            id => t => t.CustomerId == id && t.FamilyMemberId == null && (t.Kind == FollowUpKind.BirthdayGreeting || t.Kind == FollowUpKind.BirthdayVisit)),
        new FactSource<BirthdayFacts>(FollowUpSources.FamilyMember, c => c.LastFamilyMemberId, (c, id) => c.LastFamilyMemberId = id,
            (after, ct) => NextIdsAsync(db.FamilyMembers.Select(f => f.Id), after, ct),
            FamilyBirthdaysAsync,
            FamilyWithBirthdayOnAsync,
            (f, after, through) => Cadence.ForBirthday(f, after, through),
            (f, today) => f with { KnownSince = today },
            id => t => t.FamilyMemberId == id && t.Kind == FollowUpKind.BirthdayGreeting),
        new FactSource<InsuranceFacts>(FollowUpSources.Vehicle, c => c.LastVehicleId, (c, id) => c.LastVehicleId = id,
            (after, ct) => NextIdsAsync(db.Vehicles.Select(v => v.Id), after, ct),
            (ids, range, ct) => InsuranceFactsAsync(db.Vehicles.Where(Among<Vehicle>(ids, range, v => v.Id)), ct),
            RenewalsOnAsync,
            (f, after, through) => Cadence.ForInsurance(f, after, through),
            (f, today) => f with { KnownSince = today },
            id => t => t.VehicleId == id && t.Kind == FollowUpKind.InsuranceRenewal),
    ];

    /// <summary>Source rows newer than the cursor, a batch at a time: their tasks, the rows set aside and the cursor's advance commit together.</summary>
    private async Task<int> FromNewRowsAsync<TFacts>(FactSource<TFacts> source, DateOnly horizon, CancellationToken cancellationToken)
        where TFacts : IFollowUpFacts
    {
        var created = 0;
        var lookUpKeys = false;
        while (true)
        {
            var cursor = await CursorAsync(cancellationToken);
            var ids = await source.NextIds(source.Position(cursor), cancellationToken);
            if (ids.Count == 0)
            {
                return created;
            }

            // Rows past the cursor have no tasks yet (a task commits with the cursor's advance over
            // its row), so their keys need not be looked up. If another instance was quicker, the
            // unique index refuses the batch: read the cursor and the rows again, and look up.
            var facts = await ReadAsync(source, ids, range: true, cancellationToken);
            var added = await AddMissingAsync(PlanEach(facts, f => source.Plan(f, DateOnly.MinValue, horizon)), lookUpKeys, cancellationToken);
            source.Advance(cursor, ids[^1]);
            try
            {
                await SaveBatchAsync(cancellationToken);
            }
            catch (DbUpdateException) when (!lookUpKeys)
            {
                ForgetBatch();
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
            foreach (var source in Sources)
            {
                planned.AddRange(await source.DueOnAsync(this, day, cursor, cancellationToken));
            }

            created += await AddMissingAsync(planned, lookUpKeys: true, cancellationToken);
            cursor.HorizonDate = day;
            await SaveBatchAsync(cancellationToken);
            cursor = await CursorAsync(cancellationToken);
        }

        return created;
    }

    private async Task<IReadOnlyList<PlannedTask>> DueOnAsync<TFacts>(FactSource<TFacts> source, DateOnly day, FollowUpCursor cursor, CancellationToken cancellationToken)
        where TFacts : IFollowUpFacts
    {
        var ids = await source.IdsDueOn(day, source.Position(cursor), cancellationToken);
        var facts = new List<TFacts>();
        foreach (var chunk in ids.Chunk(KeysPerQuery))
        {
            facts.AddRange(await ReadAsync(source, chunk, range: false, cancellationToken));
        }

        return PlanEach(facts, f => source.Plan(f, day.AddDays(-1), day));
    }

    /// <summary>
    /// Rows whose birthday or insurance expiry changed after they were planned
    /// (<see cref="FollowUpRecheck"/>): planned again as known from today, through the day already
    /// generated, so an occasion whose day has not passed gets its task; the open tasks the change
    /// replaced are cancelled, with why. A batch's tasks, cancellations and rechecks commit together.
    /// </summary>
    private async Task<int> RecheckChangedFactsAsync(CancellationToken cancellationToken)
    {
        var cursor = await CursorAsync(cancellationToken);
        if (cursor.HorizonDate is not { } through)
        {
            return 0;
        }

        var created = 0;
        while (await db.FollowUpRechecks.OrderBy(r => r.Id).Take(KeysPerQuery).ToListAsync(cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var (sourceName, id) in batch.Select(r => (r.Source, r.SourceId)).Distinct())
            {
                if (Sources.SingleOrDefault(s => s.Name == sourceName) is { } source)
                {
                    created += await source.RecheckAsync(this, id, cursor, through, cancellationToken);
                }
            }

            db.FollowUpRechecks.RemoveRange(batch);
            await SaveBatchAsync(cancellationToken);
            cursor = await CursorAsync(cancellationToken);
        }

        return created;
    }

    private async Task<int> RecheckAsync<TFacts>(FactSource<TFacts> source, int id, FollowUpCursor cursor, DateOnly through, CancellationToken cancellationToken)
        where TFacts : IFollowUpFacts
    {
        // A row the cursor has not reached is planned whole when it is.
        if (source.Relearn is null || source.Subject is null || id > source.Position(cursor))
        {
            return 0;
        }

        var today = clock.Today;
        var facts = await ReadAsync(source, [id], range: true, cancellationToken);
        var planned = PlanEach(facts.Select(f => source.Relearn(f, today)), f => source.Plan(f, today.AddDays(-1), through));
        var keys = planned.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var replaced = await db.FollowUpTasks.Where(source.Subject(id)).Where(t => t.Status == FollowUpStatus.Open).ToListAsync(cancellationToken);
        foreach (var task in replaced.Where(t => !keys.Contains(t.Key)))
        {
            task.Cancel(clock.UtcNow, SystemActor.Instance.UserName, InDealershipLanguage(() => l[$"FollowUps.CancelledFactChanged.{source.Name}"]));
        }

        return await AddMissingAsync(planned, lookUpKeys: true, cancellationToken);
    }

    /// <summary>
    /// Rows the administrator asked to try again: planned up to the day already generated, as
    /// if seen for the first time. A row that fails again stays set aside with the new reason.
    /// </summary>
    private async Task<int> RetrySetAsideAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var retries = await db.SetAsideRows.AsNoTracking()
            .Where(r => r.Job == Name && r.Status == SetAsideStatus.RetryRequested)
            .Select(r => new { r.Id, r.Source, r.SourceId }).ToListAsync(cancellationToken);
        if (retries.Count == 0)
        {
            return 0;
        }

        var cursor = await CursorAsync(cancellationToken);
        var through = cursor.HorizonDate ?? horizon;
        var created = 0;
        foreach (var retry in retries)
        {
            var source = Sources.SingleOrDefault(s => s.Name == retry.Source);
            var planned = source is null ? [] : await source.RetryAsync(this, (int)retry.SourceId, through, cancellationToken);
            created += await AddMissingAsync(planned, lookUpKeys: true, cancellationToken);
            if (!_setAside.Any(f => f.Source == retry.Source && f.SourceId == retry.SourceId))
            {
                var row = await db.SetAsideRows.SingleAsync(r => r.Id == retry.Id, cancellationToken);
                row.Resolve(clock.UtcNow);
            }

            await SaveBatchAsync(cancellationToken);
        }

        return created;
    }

    private async Task<IReadOnlyList<PlannedTask>> RetryAsync<TFacts>(FactSource<TFacts> source, int id, DateOnly through, CancellationToken cancellationToken)
        where TFacts : IFollowUpFacts =>
        PlanEach(await ReadAsync(source, [id], range: true, cancellationToken), f => source.Plan(f, DateOnly.MinValue, through));

    /// <summary>
    /// The facts of the given rows. When they cannot be read (a value the database cannot
    /// convert, say), each row is read alone and the unreadable ones are set aside, so the cursor
    /// still moves past them; unless several were asked for and none could be read: then the
    /// fault is not in the rows, and the step fails for a later run.
    /// </summary>
    private async Task<List<TFacts>> ReadAsync<TFacts>(FactSource<TFacts> source, IReadOnlyList<int> ids, bool range, CancellationToken cancellationToken)
        where TFacts : IFollowUpFacts
    {
        try
        {
            return await source.Read(ids, range, cancellationToken);
        }
        catch (Exception batchError) when (batchError is not OperationCanceledException)
        {
            if (ids.Count == 1)
            {
                SetAside(source.Name, ids[0], batchError);
                return [];
            }

            var facts = new List<TFacts>();
            var unreadable = new List<(int Id, Exception Error)>();
            foreach (var id in ids)
            {
                try
                {
                    facts.AddRange(await source.Read([id], true, cancellationToken));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    unreadable.Add((id, e));
                }
            }

            if (unreadable.Count == ids.Count)
            {
                throw;
            }

            unreadable.ForEach(u => SetAside(source.Name, u.Id, u.Error));
            return facts;
        }
    }

    /// <summary>Plans each fact on its own: one that the cadence refuses is set aside, the rest go on.</summary>
    private List<PlannedTask> PlanEach<TFacts>(IEnumerable<TFacts> facts, Func<TFacts, IEnumerable<PlannedTask>> plan)
        where TFacts : IFollowUpFacts
    {
        var planned = new List<PlannedTask>();
        foreach (var fact in facts)
        {
            try
            {
                planned.AddRange(plan(fact).ToList());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SetAside(fact.Source, fact.SourceId, e);
            }
        }

        return planned;
    }

    private void SetAside(string source, long sourceId, Exception error)
    {
        logger.LogWarning("Follow-up job: {Source} {SourceId} set aside: {Reason}", source, sourceId, error.Message);
        _setAside.Add((source, sourceId, $"{error.GetType().Name}: {error.Message}"));
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
            // A duty first seen too late to serve (history loaded at go-live, a row entered late)
            // is left out and counted: nobody could act on it in time, and a miss nobody ever had
            // in their queue would only distort their rates. A replayed past is not go-live
            // history: only its lapsed occasions are left out.
            if (task.Status == FollowUpStatus.Missed || (!ReplaysHistory && task.IsOpen && Cadence.TooLateWhenFirstSeen(planned, now)))
            {
                if (!ReplaysHistory)
                {
                    _skipped[task.Kind] = _skipped.GetValueOrDefault(task.Kind) + 1;
                }

                continue;
            }

            born.Add(task);
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

            await RecordSetAsideAsync(cancellationToken);
            await CountSkippedAsync(cancellationToken);

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("A batch of follow-up tasks was not saved (another instance may have created them first).", e);
        }

        await transaction.CommitAsync(cancellationToken);
        _setAsideCount += _setAside.Count;
        ForgetBatch();
    }

    /// <summary>What the batch planned, after it was saved or given up.</summary>
    private void ForgetBatch()
    {
        _newTasks.Clear();
        _setAside.Clear();
        _skipped.Clear();
        db.ChangeTracker.Clear();
    }

    /// <summary>The batch's failed rows, each kept once per job and source row (a repeat failure updates it).</summary>
    private async Task RecordSetAsideAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        foreach (var (source, sourceId, reason) in _setAside.DistinctBy(f => (f.Source, f.SourceId)))
        {
            var row = await db.SetAsideRows.SingleOrDefaultAsync(r => r.Job == Name && r.Source == source && r.SourceId == sourceId, cancellationToken);
            if (row is null)
            {
                db.SetAsideRows.Add(new SetAsideRow(Name, source, sourceId, reason, now));
            }
            else
            {
                row.Fail(reason, now);
            }
        }
    }

    /// <summary>The batch's duties left out as past serving, added to the running count per kind that the overview shows.</summary>
    private async Task CountSkippedAsync(CancellationToken cancellationToken)
    {
        foreach (var (kind, skipped) in _skipped)
        {
            var count = await db.FollowUpSkipCounts.SingleOrDefaultAsync(c => c.Kind == kind, cancellationToken);
            if (count is null)
            {
                count = new FollowUpSkipCount(kind);
                db.FollowUpSkipCounts.Add(count);
            }

            count.Add(skipped, clock.UtcNow);
        }
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

    /// <summary>Text the job writes into a task's history, in the dealership's language (a job has no request culture).</summary>
    private static string InDealershipLanguage(Func<string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Chinese);
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private async Task<HashSet<string>> ActiveUsersAsync(CancellationToken cancellationToken) =>
        _activeUsers ??= (await db.Users.Where(u => !u.IsDisabled).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();

    // ---- Facts: what the cadence needs of each source, read in SQL ----

    /// <summary>The next batch of a source's row ids after the cursor, in id order.</summary>
    private Task<List<int>> NextIdsAsync(IQueryable<int> ids, int after, CancellationToken cancellationToken) =>
        ids.Where(id => id > after).OrderBy(id => id).Take(_policy.JobBatchSize).ToListAsync(cancellationToken);

    /// <summary>
    /// The rows with the given ids: as one index range when they are all the ids between the
    /// first and the last (a batch, a single row), else as a list (a day's candidates).
    /// </summary>
    private static Expression<Func<TEntity, bool>> Among<TEntity>(IReadOnlyList<int> ids, bool range, Expression<Func<TEntity, int>> id)
    {
        var first = ids[0];
        var last = ids[^1];
        Expression<Func<int, bool>> test = range || ids.Count == 1
            ? x => x >= first && x <= last
            : x => ids.Contains(x);
        var body = new ReplaceParameter(test.Parameters[0], id.Body).Visit(test.Body);
        return Expression.Lambda<Func<TEntity, bool>>(body, id.Parameters[0]);
    }

    private IQueryable<DeliveryFacts> DeliveryFactsQuery(IQueryable<Delivery> deliveries) =>
        from d in deliveries
        join c in db.Customers on d.CustomerId equals c.Id
        join v in db.Vehicles on d.VehicleId equals v.Id
        select new DeliveryFacts(d.Id, d.CustomerId, d.VehicleId, d.DeliveredAtUtc, d.SalespersonId, c.SalespersonId,
            v.CustomerId == d.CustomerId, c.MergedIntoId == null && c.AnonymisedUtc == null);

    /// <summary>Deliveries on the days the cadence says can have a task due on <paramref name="day"/>: one small indexed range a day.</summary>
    private async Task<List<int>> DeliveriesWithTasksOnAsync(DateOnly day, int lastId, CancellationToken cancellationToken)
    {
        var earliest = await db.Deliveries.Where(d => d.Id <= lastId).MinAsync(d => (DateTime?)d.DeliveredAtUtc, cancellationToken);
        if (earliest is null)
        {
            return [];
        }

        var ids = new List<int>();
        foreach (var deliveryDay in Cadence.DeliveryDaysWithTasksDueOn(day, clock.LocalDateOf(earliest.Value)))
        {
            var from = clock.StartOfDayUtc(deliveryDay);
            var to = clock.StartOfDayUtc(deliveryDay.AddDays(1));
            ids.AddRange(await db.Deliveries.Where(d => d.Id <= lastId && d.DeliveredAtUtc >= from && d.DeliveredAtUtc < to).Select(d => d.Id).ToListAsync(cancellationToken));
        }

        ids.Sort();
        return ids;
    }

    /// <summary>A visit's facts, with who entered it (a login on the visit, their id from the users).</summary>
    private IQueryable<ServiceVisitFacts> VisitFactsQuery(IQueryable<ServiceVisit> visits) =>
        from s in visits
        join c in db.Customers on s.CustomerId equals c.Id
        select new ServiceVisitFacts(s.Id, s.CustomerId, s.VehicleId, s.VisitDate, s.ServiceAdvisorId, c.MergedIntoId == null && c.AnonymisedUtc == null,
            db.Users.Where(u => u.UserName == s.RecordedBy).Select(u => u.Id).FirstOrDefault());

    private Task<List<int>> ServiceVisitsWithRevisitOnAsync(DateOnly day, int lastId, CancellationToken cancellationToken)
    {
        var visitDays = Cadence.ServiceVisitDaysWithRevisitOn(day).ToList();
        return db.ServiceVisits.Where(s => s.Id <= lastId && visitDays.Contains(s.VisitDate)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
    }

    private async Task<List<BirthdayFacts>> CustomerBirthdaysAsync(IReadOnlyList<int> ids, bool range, CancellationToken cancellationToken)
    {
        var rows = await db.Customers.Where(Among<Customer>(ids, range, c => c.Id)).Where(c => c.Birthday != null)
            .Select(c => new { c.Id, c.Birthday, c.SalespersonId, c.CreatedUtc, Reachable = c.MergedIntoId == null && c.AnonymisedUtc == null })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BirthdayFacts(r.Id, null, r.Birthday!.Value, r.SalespersonId, clock.LocalDateOf(r.CreatedUtc), r.Reachable)).ToList();
    }

    private async Task<List<BirthdayFacts>> FamilyBirthdaysAsync(IReadOnlyList<int> ids, bool range, CancellationToken cancellationToken)
    {
        var rows = await (from f in db.FamilyMembers.Where(Among<FamilyMember>(ids, range, f => f.Id))
                          where f.Birthday != null
                          join c in db.Customers on f.CustomerId equals c.Id
                          select new { f.Id, f.CustomerId, f.Birthday, f.CreatedUtc, Reachable = c.MergedIntoId == null && c.AnonymisedUtc == null && f.RemovedUtc == null })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BirthdayFacts(r.CustomerId, r.Id, r.Birthday!.Value, null, clock.LocalDateOf(r.CreatedUtc), r.Reachable)).ToList();
    }

    /// <summary>Customers whose birthday the cadence puts on the day: their birth dates matched exactly, on an index.</summary>
    private Task<List<int>> CustomersWithBirthdayOnAsync(DateOnly day, int lastId, CancellationToken cancellationToken)
    {
        var birthDates = FollowUpCadence.BirthDatesFallingOn(day).ToList();
        return db.Customers.Where(c => c.Id <= lastId && c.Birthday != null && birthDates.Contains(c.Birthday.Value)).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    private Task<List<int>> FamilyWithBirthdayOnAsync(DateOnly day, int lastId, CancellationToken cancellationToken)
    {
        var birthDates = FollowUpCadence.BirthDatesFallingOn(day).ToList();
        return db.FamilyMembers.Where(f => f.Id <= lastId && f.Birthday != null && birthDates.Contains(f.Birthday.Value)).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(cancellationToken);
    }

    private async Task<List<InsuranceFacts>> InsuranceFactsAsync(IQueryable<Vehicle> vehicles, CancellationToken cancellationToken)
    {
        var rows = await (from v in vehicles
                          join c in db.Customers on v.CustomerId equals c.Id
                          where v.InsuranceExpiry != null
                          select new { v.Id, v.CustomerId, Expiry = v.InsuranceExpiry!.Value, v.CreatedUtc, Reachable = c.MergedIntoId == null && c.AnonymisedUtc == null })
            .ToListAsync(cancellationToken);
        return rows.Select(v => new InsuranceFacts(v.Id, v.CustomerId, v.Expiry, clock.LocalDateOf(v.CreatedUtc), v.Reachable)).ToList();
    }

    /// <summary>Vehicles whose renewal reminder the cadence puts on the day: their expiry dates matched exactly, on an index.</summary>
    private async Task<List<int>> RenewalsOnAsync(DateOnly day, int lastId, CancellationToken cancellationToken)
    {
        var earliest = await db.Vehicles.Where(v => v.Id <= lastId && v.InsuranceExpiry != null).MinAsync(v => v.InsuranceExpiry, cancellationToken);
        if (earliest is null)
        {
            return [];
        }

        var expiries = Cadence.InsuranceExpiriesWithReminderOn(day, earliest.Value).ToList();
        return await db.Vehicles.Where(v => v.Id <= lastId && v.InsuranceExpiry != null && expiries.Contains(v.InsuranceExpiry.Value))
            .OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(cancellationToken);
    }

    /// <summary>How the job treats every kind of source row alike, whatever its facts.</summary>
    private interface IFactSource
    {
        string Name { get; }

        Task<int> CatchUpAsync(FollowUpJob job, DateOnly horizon, CancellationToken cancellationToken);

        Task<IReadOnlyList<PlannedTask>> DueOnAsync(FollowUpJob job, DateOnly day, FollowUpCursor cursor, CancellationToken cancellationToken);

        Task<IReadOnlyList<PlannedTask>> RetryAsync(FollowUpJob job, int id, DateOnly through, CancellationToken cancellationToken);

        Task<int> RecheckAsync(FollowUpJob job, int id, FollowUpCursor cursor, DateOnly through, CancellationToken cancellationToken);
    }

    /// <summary>
    /// One kind of source row: where the cursor keeps its place, how its next ids, its facts and
    /// a day's candidates are read, and which cadence question plans it.
    /// </summary>
    private sealed record FactSource<TFacts>(
        string Name,
        Func<FollowUpCursor, int> Position,
        Action<FollowUpCursor, int> Advance,
        Func<int, CancellationToken, Task<List<int>>> NextIds,
        Func<IReadOnlyList<int>, bool, CancellationToken, Task<List<TFacts>>> Read,
        Func<DateOnly, int, CancellationToken, Task<List<int>>> IdsDueOn,
        Func<TFacts, DateOnly, DateOnly, IEnumerable<PlannedTask>> Plan,
        Func<TFacts, DateOnly, TFacts>? Relearn = null,
        Func<int, Expression<Func<FollowUpTask, bool>>>? Subject = null) : IFactSource
        where TFacts : IFollowUpFacts
    {
        public Task<int> RecheckAsync(FollowUpJob job, int id, FollowUpCursor cursor, DateOnly through, CancellationToken cancellationToken) =>
            job.RecheckAsync(this, id, cursor, through, cancellationToken);

        public Task<int> CatchUpAsync(FollowUpJob job, DateOnly horizon, CancellationToken cancellationToken) =>
            job.FromNewRowsAsync(this, horizon, cancellationToken);

        public Task<IReadOnlyList<PlannedTask>> DueOnAsync(FollowUpJob job, DateOnly day, FollowUpCursor cursor, CancellationToken cancellationToken) =>
            job.DueOnAsync(this, day, cursor, cancellationToken);

        public Task<IReadOnlyList<PlannedTask>> RetryAsync(FollowUpJob job, int id, DateOnly through, CancellationToken cancellationToken) =>
            job.RetryAsync(this, id, through, cancellationToken);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
