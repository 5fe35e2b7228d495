using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FollowUpAttemptsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_Status_Attempts",
                table: "FollowUpTasks",
                columns: new[] { "Status", "Attempts" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_Status_Attempts",
                table: "FollowUpTasks");
        }
    }
}
