using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DealerCrm.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lounge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LoungeEquipmentFaults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Equipment = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReportedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepairNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RepairedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoungeEquipmentFaults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LoungeItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CountRule = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordsButts = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgainstAnyStaff = table.Column<bool>(type: "INTEGER", nullable: false),
                    RetiredUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoungeItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LoungeLostItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FoundWhere = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FoundUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReturnedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoungeLostItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LoungeSheets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttendantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoungeSheets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LoungeChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IsViolation = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponsibleUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ButtCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PhotoFile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PhotoContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoungeChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoungeChecks_LoungeItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "LoungeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LoungeChecks_LoungeSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "LoungeSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LoungeFines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckId = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WaivedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WaivedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WaiveReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoungeFines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoungeFines_LoungeChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "LoungeChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "LoungeItems",
                columns: new[] { "Id", "AgainstAnyStaff", "Category", "CountRule", "Position", "RecordsButts", "RetiredUtc", "Text", "Version" },
                values: new object[,]
                {
                    { 1, false, 1, 0, 1, false, null, "工作人员保持个人卫生及工作环境卫生", 0 },
                    { 2, false, 1, 0, 2, false, null, "每天上班前整体清理:地面、沙发、儿童娱乐区、茶几、桌面、电视柜、报刊架、精品展架无灰尘,垃圾及时清理,无卫生死角", 0 },
                    { 3, false, 1, 1, 3, false, null, "每天整理书报架不少于3次,并更新报刊内容", 0 },
                    { 4, false, 1, 2, 4, false, null, "儿童娱乐区、门窗玻璃每天擦拭不少于2次,无明显痕迹", 0 },
                    { 5, false, 1, 3, 5, true, null, "烟灰缸及时清理,烟头不超过2个;每天全面清理不少于3次;下班前无污渍、烟渍及烟灰", 0 },
                    { 6, false, 1, 0, 6, false, null, "一次性杯子及时清理,不乱堆乱放", 0 },
                    { 7, false, 1, 0, 7, false, null, "吧台桌面、柜子内部整理,不乱堆乱放", 0 },
                    { 8, false, 1, 0, 8, false, null, "饮料机随时有冷饮供应,纯净水桶统一摆放,地面无水渍、污渍", 0 },
                    { 9, true, 1, 0, 9, false, null, "严禁工作人员占用休息区沙发", 0 },
                    { 10, false, 1, 0, 10, false, null, "客人离去后电脑桌及时清理,杂志宣传页及时归位", 0 },
                    { 11, false, 1, 0, 11, false, null, "客人离去后沙发坐垫及时归位;遗留物品及时上报公司领导并归还客户", 0 },
                    { 12, false, 2, 0, 12, false, null, "电脑、饮水机、电视机、影碟机、空调等电气设备完好并正常使用", 0 },
                    { 13, false, 2, 0, 13, false, null, "沙发、茶几、吧台等木制家具无破损、划痕、烫痕", 0 },
                    { 14, false, 3, 0, 14, false, null, "接待客户热情主动、有礼有节", 0 },
                    { 15, false, 3, 0, 15, false, null, "按规定着装,仪容整洁", 0 },
                    { 16, false, 3, 0, 16, false, null, "任何时候严禁\"趴\"\"靠\"在接待台内", 0 },
                    { 17, false, 3, 0, 17, false, null, "工作时间不擅自离岗、不做与工作无关的事", 0 },
                    { 18, false, 4, 0, 18, false, null, "客户进入休息室,主动问好并引导入座", 0 },
                    { 19, false, 4, 0, 19, false, null, "询问客人饮品,至少提供三种选择", 0 },
                    { 20, false, 4, 0, 20, false, null, "午餐时询问客户是否用餐,通知服务顾问并做好用餐准备", 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoungeChecks_IsViolation_AtUtc",
                table: "LoungeChecks",
                columns: new[] { "IsViolation", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LoungeChecks_ItemId",
                table: "LoungeChecks",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_LoungeChecks_Key",
                table: "LoungeChecks",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoungeChecks_SheetId_ItemId_Kind",
                table: "LoungeChecks",
                columns: new[] { "SheetId", "ItemId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_LoungeEquipmentFaults_Status_ReportedUtc",
                table: "LoungeEquipmentFaults",
                columns: new[] { "Status", "ReportedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LoungeFines_CheckId",
                table: "LoungeFines",
                column: "CheckId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoungeFines_Month_StaffUserId",
                table: "LoungeFines",
                columns: new[] { "Month", "StaffUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_LoungeFines_StaffUserId_Day",
                table: "LoungeFines",
                columns: new[] { "StaffUserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_LoungeLostItems_FoundUtc",
                table: "LoungeLostItems",
                column: "FoundUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LoungeSheets_ClosedUtc_Day",
                table: "LoungeSheets",
                columns: new[] { "ClosedUtc", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_LoungeSheets_Day",
                table: "LoungeSheets",
                column: "Day",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoungeEquipmentFaults");

            migrationBuilder.DropTable(
                name: "LoungeFines");

            migrationBuilder.DropTable(
                name: "LoungeLostItems");

            migrationBuilder.DropTable(
                name: "LoungeChecks");

            migrationBuilder.DropTable(
                name: "LoungeItems");

            migrationBuilder.DropTable(
                name: "LoungeSheets");
        }
    }
}
