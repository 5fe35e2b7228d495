using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DealerCrm.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDayChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Action = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    OldName = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDayChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Date", "Kind", "Name" },
                values: new object[,]
                {
                    { new DateOnly(2026, 1, 1), 1, "元旦" },
                    { new DateOnly(2026, 1, 2), 1, "元旦" },
                    { new DateOnly(2026, 1, 3), 1, "元旦" },
                    { new DateOnly(2026, 1, 4), 2, "元旦" },
                    { new DateOnly(2026, 2, 14), 2, "春节" },
                    { new DateOnly(2026, 2, 15), 1, "春节" },
                    { new DateOnly(2026, 2, 16), 1, "春节" },
                    { new DateOnly(2026, 2, 17), 1, "春节" },
                    { new DateOnly(2026, 2, 18), 1, "春节" },
                    { new DateOnly(2026, 2, 19), 1, "春节" },
                    { new DateOnly(2026, 2, 20), 1, "春节" },
                    { new DateOnly(2026, 2, 21), 1, "春节" },
                    { new DateOnly(2026, 2, 22), 1, "春节" },
                    { new DateOnly(2026, 2, 23), 1, "春节" },
                    { new DateOnly(2026, 2, 28), 2, "春节" },
                    { new DateOnly(2026, 4, 4), 1, "清明节" },
                    { new DateOnly(2026, 4, 5), 1, "清明节" },
                    { new DateOnly(2026, 4, 6), 1, "清明节" },
                    { new DateOnly(2026, 5, 1), 1, "劳动节" },
                    { new DateOnly(2026, 5, 2), 1, "劳动节" },
                    { new DateOnly(2026, 5, 3), 1, "劳动节" },
                    { new DateOnly(2026, 5, 4), 1, "劳动节" },
                    { new DateOnly(2026, 5, 5), 1, "劳动节" },
                    { new DateOnly(2026, 5, 9), 2, "劳动节" },
                    { new DateOnly(2026, 6, 19), 1, "端午节" },
                    { new DateOnly(2026, 6, 20), 1, "端午节" },
                    { new DateOnly(2026, 6, 21), 1, "端午节" },
                    { new DateOnly(2026, 9, 20), 2, "国庆节" },
                    { new DateOnly(2026, 9, 25), 1, "中秋节" },
                    { new DateOnly(2026, 9, 26), 1, "中秋节" },
                    { new DateOnly(2026, 9, 27), 1, "中秋节" },
                    { new DateOnly(2026, 10, 1), 1, "国庆节" },
                    { new DateOnly(2026, 10, 2), 1, "国庆节" },
                    { new DateOnly(2026, 10, 3), 1, "国庆节" },
                    { new DateOnly(2026, 10, 4), 1, "国庆节" },
                    { new DateOnly(2026, 10, 5), 1, "国庆节" },
                    { new DateOnly(2026, 10, 6), 1, "国庆节" },
                    { new DateOnly(2026, 10, 7), 1, "国庆节" },
                    { new DateOnly(2026, 10, 10), 2, "国庆节" },
                    { new DateOnly(2027, 1, 1), 1, "元旦" },
                    { new DateOnly(2027, 1, 2), 1, "元旦" },
                    { new DateOnly(2027, 1, 3), 1, "元旦" },
                    { new DateOnly(2027, 1, 31), 2, "春节" },
                    { new DateOnly(2027, 2, 5), 1, "春节" },
                    { new DateOnly(2027, 2, 6), 1, "春节" },
                    { new DateOnly(2027, 2, 7), 1, "春节" },
                    { new DateOnly(2027, 2, 8), 1, "春节" },
                    { new DateOnly(2027, 2, 9), 1, "春节" },
                    { new DateOnly(2027, 2, 10), 1, "春节" },
                    { new DateOnly(2027, 2, 11), 1, "春节" },
                    { new DateOnly(2027, 2, 12), 1, "春节" },
                    { new DateOnly(2027, 2, 13), 1, "春节" },
                    { new DateOnly(2027, 2, 14), 2, "春节" },
                    { new DateOnly(2027, 4, 3), 1, "清明节" },
                    { new DateOnly(2027, 4, 4), 1, "清明节" },
                    { new DateOnly(2027, 4, 5), 1, "清明节" },
                    { new DateOnly(2027, 5, 1), 1, "劳动节" },
                    { new DateOnly(2027, 5, 2), 1, "劳动节" },
                    { new DateOnly(2027, 5, 3), 1, "劳动节" },
                    { new DateOnly(2027, 5, 4), 1, "劳动节" },
                    { new DateOnly(2027, 5, 5), 1, "劳动节" },
                    { new DateOnly(2027, 5, 8), 2, "劳动节" },
                    { new DateOnly(2027, 6, 9), 1, "端午节" },
                    { new DateOnly(2027, 9, 15), 1, "中秋节" },
                    { new DateOnly(2027, 9, 26), 2, "国庆节" },
                    { new DateOnly(2027, 10, 1), 1, "国庆节" },
                    { new DateOnly(2027, 10, 2), 1, "国庆节" },
                    { new DateOnly(2027, 10, 3), 1, "国庆节" },
                    { new DateOnly(2027, 10, 4), 1, "国庆节" },
                    { new DateOnly(2027, 10, 5), 1, "国庆节" },
                    { new DateOnly(2027, 10, 6), 1, "国庆节" },
                    { new DateOnly(2027, 10, 7), 1, "国庆节" },
                    { new DateOnly(2027, 10, 9), 2, "国庆节" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDayChanges_Date_AtUtc",
                table: "CalendarDayChanges",
                columns: new[] { "Date", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDayChanges");

            migrationBuilder.DropTable(
                name: "CalendarDays");
        }
    }
}
