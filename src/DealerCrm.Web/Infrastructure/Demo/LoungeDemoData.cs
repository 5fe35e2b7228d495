using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Settings;
using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Infrastructure.Demo;

/// <summary>
/// The demo lounge: three months of sheets kept by the attendant (most days complete, a few
/// short of a counted item's minimum and fined for it, now and then a violation, a colleague
/// found on a sofa, a few fines waived), a day nobody took, lost-and-found entries and
/// equipment faults. The same every time (a fixed seed).
/// </summary>
public sealed class LoungeDemoData(DealerCrmDbContext db, DealershipClock clock, IOptions<LoungePolicy> policy) : IDemoDataSeeder
{
    public const int Days = 91;

    private static readonly string[] ViolationNotes = ["地面有水渍未及时清理", "一次性杯子堆放在吧台", "未按规定着装", "客户离开后杂志未归位", "饮料机冷饮已空", "接待台内倚靠"];

    private static readonly string[] WaiveReasons = ["当日客流特别大，经核实情有可原", "设备故障导致，非本人原因", "首次违规，口头提醒"];

    /// <summary>Colleagues now and then found on a lounge sofa.</summary>
    private static readonly string[] SofaSitters = ["salesperson", "serviceadvisor2", "salesperson3"];

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.LoungeSheets.AnyAsync(cancellationToken))
        {
            return;
        }

        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        if (!users.TryGetValue("loungeattendant", out var attendant))
        {
            return;
        }

        var director = users.GetValueOrDefault("csdirector") ?? attendant;
        string[] sofaSitters = [.. SofaSitters.Select(users.GetValueOrDefault).OfType<string>()];
        var items = await db.LoungeItems.AsNoTracking().OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var random = new Random(14);
        var settings = policy.Value;
        var amount = LoungeRules.FineAmount(settings);
        var today = clock.Today;
        var fines = new List<LoungeFine>();

        for (var day = today.AddDays(-Days); day < today; day = day.AddDays(1))
        {
            var sheet = new LoungeSheet(day, At(day, 0, 5));
            db.LoungeSheets.Add(sheet);
            if (random.Next(40) == 0)
            {
                // The attendant's day off with nobody standing in: nothing recorded, nobody to fine.
                sheet.Close(At(day.AddDays(1), 0, 5));
                continue;
            }

            sheet.TakeBy(attendant);
            var n = 0;
            string Key() => $"demo-{day:yyyyMMdd}-{n++}";
            var cleanings = new Dictionary<int, int>();
            foreach (var item in items.Where(i => i.IsCounted))
            {
                var minimum = LoungeRules.MinimumFor(item.CountRule, settings);
                var done = random.Next(12) == 0 ? minimum - 1 : minimum + random.Next(2);
                cleanings[item.Id] = done;
                for (var k = 0; k < done; k++)
                {
                    int? butts = item.RecordsButts ? (random.Next(30) == 0 ? 3 + random.Next(3) : random.Next(3)) : null;
                    var clean = LoungeCheck.Cleaned(sheet, item, Key(), At(day, 9 + (k * 8 / Math.Max(1, done)), random.Next(60)), attendant, attendant, null, butts, settings.MaxCigaretteButts);
                    db.LoungeChecks.Add(clean);
                    if (clean.IsViolation)
                    {
                        fines.Add(LoungeFine.For(clean, day, amount, clean.AtUtc));
                    }
                }
            }

            foreach (var item in items.Where(i => !i.IsCounted))
            {
                var violated = item.AgainstAnyStaff ? random.Next(18) == 0 : random.Next(60) == 0;
                var responsible = item.AgainstAnyStaff && sofaSitters.Length > 0 ? sofaSitters[random.Next(sofaSitters.Length)] : attendant;
                var note = !violated ? null : item.AgainstAnyStaff ? "午休时间占用客户休息区沙发" : ViolationNotes[random.Next(ViolationNotes.Length)];
                var check = LoungeCheck.Checked(sheet, item, Key(), At(day, 8 + random.Next(9), random.Next(60)), item.AgainstAnyStaff && violated ? director : attendant,
                    violated, responsible, note, null, settings.MaxCigaretteButts);
                db.LoungeChecks.Add(check);
                if (check.IsViolation)
                {
                    fines.Add(LoungeFine.For(check, day, amount, check.AtUtc));
                }
            }

            if (random.Next(8) != 0)
            {
                sheet.Complete(attendant, At(day, 17, 30));
            }

            foreach (var shortfall in LoungeRules.Shortfalls(items, cleanings, settings))
            {
                var check = LoungeCheck.Shortfall(sheet, items.Single(i => i.Id == shortfall.ItemId), sheet.DeadlineUtc(clock).AddSeconds(-1), attendant, shortfall.Done, shortfall.Minimum);
                db.LoungeChecks.Add(check);
                fines.Add(LoungeFine.For(check, day, amount, At(day.AddDays(1), 0, 5)));
            }

            sheet.Close(At(day.AddDays(1), 0, 5));
        }

        // A few fines waived by the CS director, with a reason.
        foreach (var (fine, i) in fines.Where((_, i) => i % 9 == 4).Select((f, i) => (f, i)))
        {
            fine.Waive(director, WaiveReasons[i % WaiveReasons.Length], fine.CreatedUtc.AddDays(1));
        }

        db.LoungeFines.AddRange(fines);
        AddLostAndFound(today, attendant);
        AddFaults(today, attendant);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void AddLostAndFound(DateOnly today, string attendant)
    {
        (int DaysAgo, string What, string Where, string? ReturnedTo)[] lost =
        [
            (80, "黑色长柄雨伞", "休息区门口伞架", "王先生（车主）"),
            (61, "儿童保温水杯（粉色）", "儿童娱乐区", "李女士"),
            (44, "车钥匙一把（带蓝色挂饰）", "沙发坐垫缝隙", "陈先生"),
            (23, "老花眼镜", "报刊架旁茶几", "赵阿姨"),
            (9, "手机充电宝", "电脑桌", null),
            (2, "灰色围巾", "靠窗沙发", null),
        ];
        foreach (var (daysAgo, what, where, returnedTo) in lost)
        {
            var found = At(today.AddDays(-daysAgo), 11 + (daysAgo % 5), 20);
            var item = new LostItem(what, where, found, "客服总监 钱晓梅", attendant);
            if (returnedTo is not null)
            {
                item.Return(returnedTo, found.AddDays(1).AddHours(3));
            }

            db.LoungeLostItems.Add(item);
        }
    }

    private void AddFaults(DateOnly today, string attendant)
    {
        var dispenser = new EquipmentFault(LoungeEquipment.WaterDispenser, "热水出水慢，指示灯闪烁", At(today.AddDays(-50), 10, 0), attendant);
        dispenser.MoveTo(FaultStatus.InRepair, "已报后勤，厂家上门", At(today.AddDays(-49), 9, 0));
        dispenser.MoveTo(FaultStatus.Repaired, "更换加热管", At(today.AddDays(-47), 15, 0));
        var sofa = new EquipmentFault(LoungeEquipment.Sofa, "靠窗三人沙发扶手皮面开裂", At(today.AddDays(-12), 14, 30), attendant);
        sofa.MoveTo(FaultStatus.InRepair, "已联系家具供应商", At(today.AddDays(-10), 10, 0));
        db.LoungeEquipmentFaults.AddRange(
            dispenser,
            sofa,
            new EquipmentFault(LoungeEquipment.Television, "电视遥控器失灵", At(today.AddDays(-3), 9, 40), attendant),
            new EquipmentFault(LoungeEquipment.AirConditioning, "空调制热时有异响", At(today.AddDays(-1), 16, 10), attendant));
    }

    private DateTime At(DateOnly day, int hour, int minute) => clock.ToUtc(day.ToDateTime(new TimeOnly(Math.Min(hour, 23), minute)));
}
