using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DealerCrm.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FamilyMemberRemoved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "FamilyMembers",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedUtc",
                table: "FamilyMembers",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "FamilyMembers");

            migrationBuilder.DropColumn(
                name: "RemovedUtc",
                table: "FamilyMembers");
        }
    }
}
