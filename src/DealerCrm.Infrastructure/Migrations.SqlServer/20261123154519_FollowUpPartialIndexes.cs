using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FollowUpPartialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_CompletedByUserId",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_DeliveryId",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_Status_Attempts",
                table: "FollowUpTasks");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_CompletedByUserId",
                table: "FollowUpTasks",
                column: "CompletedByUserId",
                filter: "CompletedByUserId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DeliveryId",
                table: "FollowUpTasks",
                column: "DeliveryId",
                filter: "DeliveryId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_Attempts",
                table: "FollowUpTasks",
                columns: new[] { "Status", "Attempts" },
                filter: "Attempts > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_CompletedByUserId",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_DeliveryId",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_Status_Attempts",
                table: "FollowUpTasks");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_CompletedByUserId",
                table: "FollowUpTasks",
                column: "CompletedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DeliveryId",
                table: "FollowUpTasks",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_Attempts",
                table: "FollowUpTasks",
                columns: new[] { "Status", "Attempts" });
        }
    }
}
