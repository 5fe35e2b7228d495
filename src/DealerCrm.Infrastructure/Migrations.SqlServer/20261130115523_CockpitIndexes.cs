using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CockpitIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_OwnerUserId_OwnerRole_DueUtc",
                table: "FollowUpTasks",
                columns: new[] { "Status", "OwnerUserId", "OwnerRole", "DueUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_Status_OwnerUserId_OwnerRole_DueUtc",
                table: "FollowUpTasks");
        }
    }
}
