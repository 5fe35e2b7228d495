using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attention",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The list group of the existing cases, by the rule of Complaint.AttentionOf (2 closed, 0 flagged, 1 open):
            // it reads only stored columns, so SQL back-fills it exactly (the due time is stored by the domain already).
            migrationBuilder.Sql("UPDATE Complaints SET Attention = CASE WHEN Status = 4 THEN 2 WHEN TierOverdue = 1 OR LegalFlagged = 1 THEN 0 ELSE 1 END");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Attention_TierDueUtc_Id",
                table: "Complaints",
                columns: new[] { "Attention", "TierDueUtc", "Id" },
                descending: new[] { false, false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Attention_TierDueUtc_Id",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Attention",
                table: "Complaints");
        }
    }
}
