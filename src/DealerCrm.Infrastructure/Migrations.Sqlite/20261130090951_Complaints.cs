using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSafety = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<int>(type: "INTEGER", nullable: false),
                    VehicleId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Department = table.Column<int>(type: "INTEGER", nullable: false),
                    PromisedFeedbackUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AgentUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ConcernedUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    PoolRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HandlerUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    TierDueUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TierOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalDueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LegalFlagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomerToldUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Investigation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Solution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CorrectiveAction = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CorrectiveActionDoneUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CustomerResponse = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CustomerAccepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HoursToClose = table.Column<double>(type: "REAL", nullable: true),
                    TimesClosed = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceFollowUpTaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceHotAlertId = table.Column<int>(type: "INTEGER", nullable: true),
                    FollowUpTaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_AspNetUsers_AgentUserId",
                        column: x => x.AgentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_AspNetUsers_ConcernedUserId",
                        column: x => x.ConcernedUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_AspNetUsers_HandlerUserId",
                        column: x => x.HandlerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_FollowUpTasks_FollowUpTaskId",
                        column: x => x.FollowUpTaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_FollowUpTasks_SourceFollowUpTaskId",
                        column: x => x.SourceFollowUpTaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Vehicles_VehicleId",
                        column: x => x.VehicleId,
                        principalTable: "Vehicles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintEvents_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintRecoverySteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Gift = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Value = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintRecoverySteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintRecoverySteps_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintTierPeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClockStartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClockBudget = table.Column<TimeSpan>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintTierPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintTierPeriods_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintClockPauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PausedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResumedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PeriodId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintClockPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintClockPauses_ComplaintTierPeriods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "ComplaintTierPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintClockPauses_PeriodId",
                table: "ComplaintClockPauses",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_ComplaintId_AtUtc",
                table: "ComplaintEvents",
                columns: new[] { "ComplaintId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintRecoverySteps_ComplaintId_Step",
                table: "ComplaintRecoverySteps",
                columns: new[] { "ComplaintId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_AgentUserId",
                table: "Complaints",
                column: "AgentUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ConcernedUserId",
                table: "Complaints",
                column: "ConcernedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerId_ReceivedUtc",
                table: "Complaints",
                columns: new[] { "CustomerId", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_FollowUpTaskId",
                table: "Complaints",
                column: "FollowUpTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_HandlerUserId",
                table: "Complaints",
                column: "HandlerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Number",
                table: "Complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedMonth_Category",
                table: "Complaints",
                columns: new[] { "ReceivedMonth", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedUtc",
                table: "Complaints",
                column: "ReceivedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedWeek_Category",
                table: "Complaints",
                columns: new[] { "ReceivedWeek", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_SourceFollowUpTaskId",
                table: "Complaints",
                column: "SourceFollowUpTaskId",
                unique: true,
                filter: "SourceFollowUpTaskId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_LegalFlagged_LegalDueUtc",
                table: "Complaints",
                columns: new[] { "Status", "LegalFlagged", "LegalDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Status_TierDueUtc",
                table: "Complaints",
                columns: new[] { "Status", "TierDueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_VehicleId",
                table: "Complaints",
                column: "VehicleId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintTierPeriods_ComplaintId_Tier",
                table: "ComplaintTierPeriods",
                columns: new[] { "ComplaintId", "Tier" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplaintClockPauses");

            migrationBuilder.DropTable(
                name: "ComplaintEvents");

            migrationBuilder.DropTable(
                name: "ComplaintRecoverySteps");

            migrationBuilder.DropTable(
                name: "ComplaintTierPeriods");

            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
