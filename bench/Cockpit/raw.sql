-- The cockpit's aggregates for its default view (this week, signed in as the general manager), as
-- plain SQL: what Pages/Cockpit/Index.cshtml.cs asks FollowUpStats and ServiceFigures, with the
-- same predicates as EF Core's SQL (read from its log, run.sh SQL_LOG=1). The page asks each of
-- the trend's twelve weeks on its own; here each aggregate is one statement over the twelve weeks
-- (the temporary table weeks and the parameters @now and @today come from params.sh), which SQLite
-- runs as the same twelve index range reads.

-- The follow-up rates of each week: tasks due in the week and by now, by status and on time.
SELECT w.k, t.Status, CASE WHEN t.CompletedUtc <= t.DueUtc THEN 1 ELSE 0 END AS OnTime, COUNT(*)
FROM weeks w JOIN FollowUpTasks t ON t.DueUtc >= w.StartUtc AND t.DueUtc < w.EndUtc AND t.DueUtc <= @now
GROUP BY w.k, t.Status, OnTime;

-- Deliveries of each week (their local day).
SELECT w.k, COUNT(d.Id) FROM weeks w LEFT JOIN Deliveries d ON d.DeliveredAtUtc >= w.StartUtc AND d.DeliveredAtUtc < w.EndUtc GROUP BY w.k;

-- Service visits of each week.
SELECT w.k, COUNT(v.Id) FROM weeks w LEFT JOIN ServiceVisits v ON v.VisitDate >= w.FromDay AND v.VisitDate <= w.ThroughDay GROUP BY w.k;

-- Repairs (paid repair, warranty claim) of each week, and the repeats among them: an earlier
-- repair of the same vehicle within 30 days (CsiPolicy.RepeatRepairWithinDays).
SELECT w.k, COUNT(v.Id) FROM weeks w LEFT JOIN ServiceVisits v ON v.VisitDate >= w.FromDay AND v.VisitDate <= w.ThroughDay AND v.Type IN (2, 3) GROUP BY w.k;
SELECT w.k, COUNT(v.Id) FROM weeks w LEFT JOIN ServiceVisits v ON v.VisitDate >= w.FromDay AND v.VisitDate <= w.ThroughDay AND v.Type IN (2, 3)
  AND EXISTS (SELECT 1 FROM ServiceVisits e WHERE e.VehicleId = v.VehicleId AND e.Id <> v.Id AND e.Type IN (2, 3)
              AND e.VisitDate <= v.VisitDate AND e.VisitDate >= date(v.VisitDate, '-30 days')
              AND (e.VisitDate < v.VisitDate OR e.Id < v.Id))
GROUP BY w.k;

-- The warranty rate, this week and the one before: tasks of customers with a vehicle under warranty today.
SELECT w.k, t.Status, CASE WHEN t.CompletedUtc <= t.DueUtc THEN 1 ELSE 0 END AS OnTime, COUNT(*)
FROM weeks w JOIN FollowUpTasks t ON t.DueUtc >= w.StartUtc AND t.DueUtc < w.EndUtc AND t.DueUtc <= @now
WHERE w.k >= 11 AND EXISTS (SELECT 1 FROM Vehicles x WHERE x.CustomerId = t.CustomerId AND x.WarrantyExpiry >= @today)
GROUP BY w.k, t.Status, OnTime;

-- Overdue now: open tasks past their due time.
SELECT COUNT(*) FROM FollowUpTasks WHERE Status = 0 AND DueUtc < @now;
