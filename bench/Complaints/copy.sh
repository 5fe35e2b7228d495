# Shared by bench/Complaints/run.sh and bench/Cockpit/run.sh (sourced): the complaints already in
# a database copied in SQL, each with its timeline, until there are about TARGET cases.
#
# copy_complaints DB TARGET ORIGINALS SPREAD_DAYS
#   ORIGINALS: an SQL condition on Complaints choosing the cases to copy ("1 = 1" for all).
#   Sets COMPLAINTS_BEFORE (cases before the copy), COMPLAINTS_COPIED (cases copied) and
#   COMPLAINT_COPIES (copies of each).
#
# Copy k is moved back by ((k - 1) mod SPREAD_DAYS) days: every instant of the case and of its
# timeline moves, the received week (ISO, of the local day, Asia/Shanghai) and month are
# recomputed, the number is TS + local day + copy + row (unique, 17 characters). Ids are given
# explicitly (the tier periods' too, which the clock pauses point to). The copies point to no
# follow-up task or hot alert (those are one case's own).
copy_complaints() {
    local db=$1 target=$2 originals=$3 spread=$4
    COMPLAINTS_BEFORE=$(sqlite3 "$db" "SELECT COUNT(*) FROM Complaints")
    COMPLAINTS_COPIED=$(sqlite3 "$db" "SELECT COUNT(*) FROM Complaints WHERE $originals")
    if ((COMPLAINTS_COPIED == 0)); then
        echo "No complaints to copy (the demo seeded none?)" >&2
        return 1
    fi
    COMPLAINT_COPIES=$(((target - COMPLAINTS_BEFORE + COMPLAINTS_COPIED - 1) / COMPLAINTS_COPIED))
    if ((COMPLAINT_COPIES < 1)); then
        COMPLAINT_COPIES=0
        return 0
    fi

    shift_sql() { echo "strftime('%Y-%m-%d %H:%M:%f', $1, '-' || m.d || ' days')"; }
    local local_day="date(strftime('%Y-%m-%d %H:%M:%f', s.ReceivedUtc, '-' || m.d || ' days'), '+8 hours')"
    local iso_thursday="date($local_day, '-3 days', 'weekday 4')"
    timeout 600 sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
CREATE TEMP TABLE n(k INTEGER PRIMARY KEY);
WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < $COMPLAINT_COPIES) INSERT INTO n SELECT k FROM c;
CREATE TEMP TABLE orig AS SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS r FROM Complaints WHERE $originals;
CREATE TEMP TABLE m AS
  SELECT n.k, o.r, o.Id AS OldId, (SELECT MAX(Id) FROM Complaints) + (n.k - 1) * (SELECT COUNT(*) FROM orig) + o.r AS NewId,
         (n.k - 1) % $spread AS d
  FROM n CROSS JOIN orig o;
CREATE TEMP TABLE porig AS SELECT Id, ComplaintId, ROW_NUMBER() OVER (ORDER BY Id) AS r FROM ComplaintTierPeriods WHERE ComplaintId IN (SELECT Id FROM orig);
CREATE TEMP TABLE pm AS
  SELECT m.NewId AS ComplaintId, m.d, p.Id AS OldId,
         (SELECT MAX(Id) FROM ComplaintTierPeriods) + (m.k - 1) * (SELECT COUNT(*) FROM porig) + p.r AS NewId
  FROM m JOIN porig p ON p.ComplaintId = m.OldId;
BEGIN;
INSERT INTO Complaints (Id, Version, Number, Channel, Category, Severity, IsSafety, CustomerId, VehicleId, Description, Department,
    PromisedFeedbackUtc, ReceivedUtc, ReceivedWeek, ReceivedMonth, CreatedByName, AgentUserId, ConcernedUserId, Tier, PoolRole,
    HandlerUserId, Status, IsPaused, TierDueUtc, TierOverdue, LegalDueUtc, LegalFlagged, Attention, CustomerToldUtc, Investigation, Solution,
    CorrectiveAction, CorrectiveActionDoneUtc, CustomerResponse, CustomerAccepted, Escalations, ClosedUtc, HoursToClose, TimesClosed,
    SourceFollowUpTaskId, SourceHotAlertId, FollowUpTaskId, UpdatedUtc)
SELECT m.NewId, 0, 'TS' || strftime('%Y%m%d', $local_day) || printf('%04d%03d', m.k, m.r),
    s.Channel, s.Category, s.Severity, s.IsSafety, s.CustomerId, s.VehicleId, s.Description, s.Department,
    $(shift_sql s.PromisedFeedbackUtc), $(shift_sql s.ReceivedUtc),
    CAST(strftime('%Y', $iso_thursday) AS INTEGER) * 100 + (CAST(strftime('%j', $iso_thursday) AS INTEGER) - 1) / 7 + 1,
    CAST(strftime('%Y%m', $local_day) AS INTEGER),
    s.CreatedByName, s.AgentUserId, s.ConcernedUserId, s.Tier, s.PoolRole,
    s.HandlerUserId, s.Status, s.IsPaused, $(shift_sql s.TierDueUtc), s.TierOverdue, $(shift_sql s.LegalDueUtc), s.LegalFlagged, s.Attention,
    $(shift_sql s.CustomerToldUtc), s.Investigation, s.Solution,
    s.CorrectiveAction, $(shift_sql s.CorrectiveActionDoneUtc), s.CustomerResponse, s.CustomerAccepted, s.Escalations,
    $(shift_sql s.ClosedUtc), s.HoursToClose, s.TimesClosed,
    NULL, NULL, NULL, $(shift_sql s.UpdatedUtc)
FROM m JOIN Complaints s ON s.Id = m.OldId ORDER BY m.NewId;
INSERT INTO ComplaintTierPeriods (Id, ComplaintId, Tier, EnteredUtc, LeftUtc, ClockStartedUtc, ClockBudget)
SELECT m.NewId, m.ComplaintId, p.Tier, $(shift_sql p.EnteredUtc), $(shift_sql p.LeftUtc), $(shift_sql p.ClockStartedUtc), p.ClockBudget
FROM pm m JOIN ComplaintTierPeriods p ON p.Id = m.OldId ORDER BY m.NewId;
INSERT INTO ComplaintClockPauses (FromUtc, ToUtc, Reason, PausedBy, ResumedBy, PeriodId)
SELECT $(shift_sql c.FromUtc), $(shift_sql c.ToUtc), c.Reason, c.PausedBy, c.ResumedBy, m.NewId
FROM pm m JOIN ComplaintClockPauses c ON c.PeriodId = m.OldId ORDER BY m.NewId, c.Id;
INSERT INTO ComplaintEvents (ComplaintId, AtUtc, Kind, Tier, UserName, Detail, Note)
SELECT m.NewId, $(shift_sql e.AtUtc), e.Kind, e.Tier, e.UserName, e.Detail, e.Note
FROM m JOIN ComplaintEvents e ON e.ComplaintId = m.OldId ORDER BY m.NewId, e.Id;
INSERT INTO ComplaintRecoverySteps (ComplaintId, Step, DoneUtc, DoneBy, Note, Gift, Value)
SELECT m.NewId, x.Step, $(shift_sql x.DoneUtc), x.DoneBy, x.Note, x.Gift, x.Value
FROM m JOIN ComplaintRecoverySteps x ON x.ComplaintId = m.OldId ORDER BY m.NewId, x.Id;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}
