using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobSetAside : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SetAsideRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Job = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FirstFailedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastFailedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryRequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RetryRequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetAsideRows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMembers_Birthday",
                table: "FamilyMembers",
                column: "Birthday");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Birthday",
                table: "Customers",
                column: "Birthday");

            migrationBuilder.CreateIndex(
                name: "IX_SetAsideRows_Job_Source_SourceId",
                table: "SetAsideRows",
                columns: new[] { "Job", "Source", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SetAsideRows_Job_Status",
                table: "SetAsideRows",
                columns: new[] { "Job", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SetAsideRows");

            migrationBuilder.DropIndex(
                name: "IX_FamilyMembers_Birthday",
                table: "FamilyMembers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Birthday",
                table: "Customers");
        }
    }
}
