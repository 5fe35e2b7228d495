# Shared by bench/Csi/run.sh and bench/Cockpit/run.sh (sourced): the surveys already in a database
# copied in SQL with their answers and factor scores.
#
# copy_surveys DB COPIES
#   Each copy keeps its original's month, customer, visit or delivery and staff member, so the
#   figures' shape (months, advisors, customers) stays the seeded one while the rows grow. The
#   copies are tied to no follow-up task; ids follow in insertion order.
copy_surveys() {
    local db=$1 copies=$2
    timeout 600 sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
CREATE TEMP TABLE n(k INTEGER PRIMARY KEY);
WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < $copies) INSERT INTO n SELECT k FROM c;
CREATE TEMP TABLE orig AS SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS r FROM Surveys;
CREATE TEMP TABLE base AS SELECT MAX(Id) AS b, COUNT(*) AS c FROM Surveys;
BEGIN;
INSERT INTO Surveys (Version, QuestionnaireId, Program, CustomerId, FollowUpTaskId, ServiceVisitId, DeliveryId, StaffUserId, Method,
                     RecordingReference, TakenByUserId, TakenUtc, TakenMonth, IndexPoints, IsComplete, LowestScore)
SELECT 0, s.QuestionnaireId, s.Program, s.CustomerId, NULL, s.ServiceVisitId, s.DeliveryId, s.StaffUserId, s.Method,
       s.RecordingReference, s.TakenByUserId, s.TakenUtc, s.TakenMonth, s.IndexPoints, s.IsComplete, s.LowestScore
FROM n CROSS JOIN orig o JOIN Surveys s ON s.Id = o.Id ORDER BY n.k, o.r;
INSERT INTO SurveyAnswers (SurveyId, QuestionId, Score, Text)
SELECT (SELECT b FROM base) + (n.k - 1) * (SELECT c FROM base) + o.r, a.QuestionId, a.Score, a.Text
FROM n CROSS JOIN orig o JOIN SurveyAnswers a ON a.SurveyId = o.Id;
INSERT INTO SurveyFactorScores (SurveyId, FactorCode, Score)
SELECT (SELECT b FROM base) + (n.k - 1) * (SELECT c FROM base) + o.r, f.FactorCode, f.Score
FROM n CROSS JOIN orig o JOIN SurveyFactorScores f ON f.SurveyId = o.Id;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}
