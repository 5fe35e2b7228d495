using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_OwnerUserId",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_Status_OwnerUserId_DueUtc",
                table: "FollowUpTasks");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OwnerUserId_Status_DueUtc",
                table: "FollowUpTasks",
                columns: new[] { "OwnerUserId", "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_ActionableFromUtc",
                table: "FollowUpTasks",
                columns: new[] { "Status", "ActionableFromUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_OwnerUserId_Status_DueUtc",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_Status_ActionableFromUtc",
                table: "FollowUpTasks");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_OwnerUserId",
                table: "FollowUpTasks",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_OwnerUserId_DueUtc",
                table: "FollowUpTasks",
                columns: new[] { "Status", "OwnerUserId", "DueUtc" });
        }
    }
}
