using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedUtc",
                table: "FamilyMembers",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Family members already on file were known since their customer's file was opened:
            // greetings start from there, not from year 1.
            migrationBuilder.Sql("UPDATE FamilyMembers SET CreatedUtc = (SELECT CreatedUtc FROM Customers WHERE Customers.Id = FamilyMembers.CustomerId)");

            migrationBuilder.CreateTable(
                name: "FollowUpCursor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    LastDeliveryId = table.Column<int>(type: "int", nullable: false),
                    LastServiceVisitId = table.Column<int>(type: "int", nullable: false),
                    LastCustomerId = table.Column<int>(type: "int", nullable: false),
                    LastFamilyMemberId = table.Column<int>(type: "int", nullable: false),
                    LastVehicleId = table.Column<int>(type: "int", nullable: false),
                    HorizonDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpCursor", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    CustomerId = table.Column<int>(type: "int", nullable: false),
                    VehicleId = table.Column<int>(type: "int", nullable: true),
                    DeliveryId = table.Column<int>(type: "int", nullable: true),
                    ServiceVisitId = table.Column<int>(type: "int", nullable: true),
                    FamilyMemberId = table.Column<int>(type: "int", nullable: true),
                    OccasionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ActionableFromUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OwnerRole = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OwnerUserId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    ExcludedUserId = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    IsOverdue = table.Column<bool>(type: "bit", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedByUserId = table.Column<string>(type: "nvarchar(450)", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CustomerUnhappy = table.Column<bool>(type: "bit", nullable: false),
                    UnhappyNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_AspNetUsers_CompletedByUserId",
                        column: x => x.CompletedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    Point = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpAnswers_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Action = table.Column<int>(type: "int", nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpLog_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAnswers_TaskId",
                table: "FollowUpAnswers",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpLog_TaskId",
                table: "FollowUpLog",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_CompletedByUserId",
                table: "FollowUpTasks",
                column: "CompletedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_CustomerId_DueUtc",
                table: "FollowUpTasks",
                columns: new[] { "CustomerId", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DeliveryId",
                table: "FollowUpTasks",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DueUtc",
                table: "FollowUpTasks",
                column: "DueUtc");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Key",
                table: "FollowUpTasks",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OwnerUserId",
                table: "FollowUpTasks",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_ExpiresUtc",
                table: "FollowUpTasks",
                columns: new[] { "Status", "ExpiresUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_IsOverdue_DueUtc",
                table: "FollowUpTasks",
                columns: new[] { "Status", "IsOverdue", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_OwnerRole_DueUtc",
                table: "FollowUpTasks",
                columns: new[] { "Status", "OwnerRole", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_OwnerUserId_DueUtc",
                table: "FollowUpTasks",
                columns: new[] { "Status", "OwnerUserId", "DueUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpAnswers");

            migrationBuilder.DropTable(
                name: "FollowUpCursor");

            migrationBuilder.DropTable(
                name: "FollowUpLog");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "CreatedUtc",
                table: "FamilyMembers");
        }
    }
}
