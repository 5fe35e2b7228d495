-- The cockpit's aggregates for its default view (this week, signed in as the general manager), as
-- plain SQL: what Pages/Cockpit/Index.cshtml.cs asks FollowUpStats, ServiceFigures, LoungeFigures,
-- ComplaintFigures and CsiFigures (CSI and SSI), with the same predicates as EF Core's SQL (read
-- from its log, run.sh SQL_LOG=1). Each trend figure is one statement over the twelve weeks (the
-- temporary table weeks and the parameters come from params.sh), which SQLite runs as twelve index
-- range reads; the page counts it in one query grouped by a CASE on the weeks' ends. Not here: the
-- reads of rows that are no aggregate (the reader's department, the staff names, the questionnaires).

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

-- Overdue now, by owner (a person, or a role's pool): open tasks past their due time.
SELECT OwnerUserId, OwnerRole, COUNT(*), MIN(DueUtc) FROM FollowUpTasks WHERE Status = 0 AND DueUtc < @now GROUP BY OwnerUserId, OwnerRole;

-- The lounge: sheets completed this month and last (days up to today), fines by person.
SELECT COUNT(*) FROM LoungeSheets WHERE Day >= @monthStart AND Day < @monthEnd AND CompletedUtc IS NOT NULL;
SELECT COUNT(*) FROM LoungeSheets WHERE Day >= @lastStart AND Day < @lastEnd AND CompletedUtc IS NOT NULL;
SELECT StaffUserId, Month, COUNT(*), COALESCE(SUM(CASE WHEN WaivedUtc IS NULL THEN AmountFen ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN WaivedUtc IS NOT NULL THEN AmountFen ELSE 0 END), 0)
FROM LoungeFines WHERE Month = @month GROUP BY StaffUserId, Month;
SELECT StaffUserId, Month, COUNT(*), COALESCE(SUM(CASE WHEN WaivedUtc IS NULL THEN AmountFen ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN WaivedUtc IS NOT NULL THEN AmountFen ELSE 0 END), 0)
FROM LoungeFines WHERE Month = @lastMonth GROUP BY StaffUserId, Month;

-- Complaints now (not the cases about the reader): open by tier, late, near the legal limit.
SELECT Tier, COUNT(*) FROM Complaints WHERE (ConcernedUserId IS NULL OR ConcernedUserId <> @reader) AND Status <> 4 GROUP BY Tier;
SELECT COUNT(*) FROM Complaints WHERE (ConcernedUserId IS NULL OR ConcernedUserId <> @reader) AND Status <> 4
  AND (TierOverdue OR (TierDueUtc IS NOT NULL AND TierDueUtc <= @now) OR (CustomerToldUtc IS NULL AND LegalDueUtc <= @now AND Status <> 4));
SELECT COUNT(*) FROM Complaints WHERE (ConcernedUserId IS NULL OR ConcernedUserId <> @reader) AND Status <> 4 AND LegalFlagged AND CustomerToldUtc IS NULL;

-- Complaints received this week and the week before: the summary and the nearest-rank 90th
-- percentile of hours to close (the ceil(0.9 n)-th smallest; the page takes n from its summary).
SELECT w.k, COUNT(*), SUM(c.HoursToClose IS NOT NULL), AVG(c.HoursToClose), SUM(c.Escalations > 0), SUM(c.CorrectiveAction IS NOT NULL), SUM(c.CorrectiveActionDoneUtc IS NOT NULL)
FROM weeks w JOIN Complaints c ON c.ReceivedUtc >= w.StartUtc AND c.ReceivedUtc < w.EndUtc WHERE w.k >= 11 GROUP BY w.k;
SELECT HoursToClose FROM Complaints c, weeks w WHERE w.k = 12 AND c.ReceivedUtc >= w.StartUtc AND c.ReceivedUtc < w.EndUtc AND c.HoursToClose IS NOT NULL
ORDER BY HoursToClose LIMIT 1 OFFSET (SELECT (9 * COUNT(*) + 9) / 10 - 1 FROM Complaints x, weeks v WHERE v.k = 12 AND x.ReceivedUtc >= v.StartUtc AND x.ReceivedUtc < v.EndUtc AND x.HoursToClose IS NOT NULL);
SELECT HoursToClose FROM Complaints c, weeks w WHERE w.k = 11 AND c.ReceivedUtc >= w.StartUtc AND c.ReceivedUtc < w.EndUtc AND c.HoursToClose IS NOT NULL
ORDER BY HoursToClose LIMIT 1 OFFSET (SELECT (9 * COUNT(*) + 9) / 10 - 1 FROM Complaints x, weeks v WHERE v.k = 11 AND x.ReceivedUtc >= v.StartUtc AND x.ReceivedUtc < v.EndUtc AND x.HoursToClose IS NOT NULL);
-- The gravest five of the week (not about the reader).
SELECT c.Id, c.Number, c.ReceivedUtc, k.Name, c.Category, c.Department, c.Severity, c.Tier, c.Status
FROM weeks w JOIN Complaints c ON c.ReceivedUtc >= w.StartUtc AND c.ReceivedUtc < w.EndUtc JOIN Customers k ON k.Id = c.CustomerId
WHERE w.k = 12 AND (c.ConcernedUserId IS NULL OR c.ConcernedUserId <> @reader)
ORDER BY c.Tier DESC, c.Severity DESC, c.ReceivedUtc DESC LIMIT 5;

-- Each survey programme (1 CSI, 2 SSI) over its twelve months: by person, by factor, by month, open hot alerts.
SELECT s.Program, s.StaffUserId, COUNT(*), AVG(s.IndexPoints) FROM Surveys s
WHERE s.Program IN (1, 2) AND s.TakenMonth >= @csiFrom AND s.TakenMonth <= @csiTo AND s.IsComplete GROUP BY s.Program, s.StaffUserId;
SELECT s.Program, f.FactorCode, COUNT(*), AVG(f.Score) FROM SurveyFactorScores f JOIN Surveys s ON s.Id = f.SurveyId
WHERE s.Program IN (1, 2) AND s.TakenMonth >= @csiFrom AND s.TakenMonth <= @csiTo AND s.IsComplete GROUP BY s.Program, f.FactorCode;
SELECT s.Program, s.TakenMonth, COUNT(*), AVG(s.IndexPoints), SUM(s.LowestScore > @threshold) FROM Surveys s
WHERE s.Program IN (1, 2) AND s.TakenMonth >= @csiFrom AND s.TakenMonth <= @csiTo AND s.IsComplete GROUP BY s.Program, s.TakenMonth;
SELECT Program, COUNT(*), SUM(DueUtc < @now) FROM HotAlerts WHERE Program IN (1, 2) AND Status = 0 GROUP BY Program;
