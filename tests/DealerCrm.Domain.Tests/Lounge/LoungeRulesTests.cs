using DealerCrm.Domain.Common;
using DealerCrm.Domain.Lounge;
using DealerCrm.Domain.Settings;
using Microsoft.Extensions.Time.Testing;

namespace DealerCrm.Domain.Tests.Lounge;

public sealed class LoungeRulesTests
{
    private static readonly LoungePolicy Policy = new();

    // Monday 2026-11-23 10:00 Beijing time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    private DealershipClock Clock => new(_time, DealershipClock.FindZone("Asia/Shanghai"));

    private static LoungeItem Item(int number) => LoungeItem.Defaults.Single(i => i.Position == number);

    /// <summary>The persisted shape of a sheet: EF sets the id; tests give one so checks point at it.</summary>
    private static LoungeSheet Sheet(DateOnly day, DateTime now)
    {
        var sheet = new LoungeSheet(day, now);
        typeof(LoungeSheet).GetProperty(nameof(LoungeSheet.Id))!.SetValue(sheet, 7L);
        return sheet;
    }

    [Fact]
    public void The_twenty_items_are_the_policys_wording_with_the_three_counted_ones_and_the_sofa()
    {
        Assert.Equal(20, LoungeItem.Defaults.Count);
        Assert.Equal(Enumerable.Range(1, 20), LoungeItem.Defaults.Select(i => i.Position));
        Assert.Equal("每天整理书报架不少于3次,并更新报刊内容", Item(3).Text);
        Assert.Equal(LoungeCountRule.MagazineRack, Item(3).CountRule);
        Assert.Equal(LoungeCountRule.ChildAreaAndGlass, Item(4).CountRule);
        Assert.Equal(LoungeCountRule.Ashtray, Item(5).CountRule);
        Assert.True(Item(5).RecordsButts);
        Assert.True(Item(9).AgainstAnyStaff);
        Assert.Equal("严禁工作人员占用休息区沙发", Item(9).Text);
        Assert.Equal(3, LoungeItem.Defaults.Count(i => i.IsCounted));
        Assert.Equal(LoungeItemCategory.Attitude, Item(20).Category);
    }

    [Fact]
    public void Minimums_come_from_the_policy_3_2_3()
    {
        Assert.Equal(3, LoungeRules.MinimumFor(LoungeCountRule.MagazineRack, Policy));
        Assert.Equal(2, LoungeRules.MinimumFor(LoungeCountRule.ChildAreaAndGlass, Policy));
        Assert.Equal(3, LoungeRules.MinimumFor(LoungeCountRule.Ashtray, Policy));
        Assert.Equal(0, LoungeRules.MinimumFor(LoungeCountRule.None, Policy));
        Assert.Equal(5, LoungeRules.MinimumFor(LoungeCountRule.MagazineRack, new LoungePolicy { MagazineRackTidiesPerDay = 5 }));
    }

    [Fact]
    public void The_tally_counts_each_counted_item_against_its_minimum_and_finds_the_shortfalls()
    {
        var cleanings = new Dictionary<int, int> { [3] = 3, [4] = 1 };
        var tally = LoungeRules.Tally(LoungeItem.Defaults, cleanings, Policy);

        Assert.Equal([3, 4, 5], tally.Select(t => t.ItemId));
        Assert.Equal(new CountTally(3, 3, 3), tally[0]);
        Assert.False(tally[0].IsShort);
        Assert.True(tally[1].IsShort);
        Assert.Equal(1, tally[1].Missing);
        Assert.Equal(3, tally[2].Missing);

        var shortfalls = LoungeRules.Shortfalls(LoungeItem.Defaults, cleanings, Policy);
        Assert.Equal([4, 5], shortfalls.Select(s => s.ItemId));
        Assert.Empty(LoungeRules.Shortfalls(LoungeItem.Defaults, new Dictionary<int, int> { [3] = 4, [4] = 2, [5] = 3 }, Policy));
    }

    [Fact]
    public void More_than_two_butts_is_a_violation_whatever_was_ticked()
    {
        Assert.False(LoungeRules.IsViolation(false, 2, Policy.MaxCigaretteButts));
        Assert.True(LoungeRules.IsViolation(false, 3, Policy.MaxCigaretteButts));
        Assert.True(LoungeRules.IsViolation(true, null, Policy.MaxCigaretteButts));
        Assert.False(LoungeRules.IsViolation(false, null, Policy.MaxCigaretteButts));

        var sheet = Sheet(Clock.Today, Clock.UtcNow);
        var clean = LoungeCheck.Cleaned(sheet, Item(5), "k1", Clock.UtcNow, "attendant", "attendant", null, 3, Policy.MaxCigaretteButts);
        Assert.True(clean.IsViolation);
        Assert.Equal("attendant", clean.ResponsibleUserId);
        Assert.Equal(LoungeCheckKind.Cleaning, clean.Kind);

        var fine = LoungeCheck.Cleaned(sheet, Item(5), "k2", Clock.UtcNow, "attendant", "attendant", null, 1, Policy.MaxCigaretteButts);
        Assert.False(fine.IsViolation);
        Assert.Null(fine.ResponsibleUserId);
        Assert.Throws<ArgumentException>(() => LoungeCheck.Cleaned(sheet, Item(5), "k3", Clock.UtcNow, "a", "a", null, null, 2));
        Assert.Throws<InvalidOperationException>(() => LoungeCheck.Cleaned(sheet, Item(1), "k4", Clock.UtcNow, "a", "a", null, null, 2));
    }

    [Fact]
    public void A_violation_names_the_person_and_its_fine_is_the_set_amount_per_occurrence()
    {
        var sheet = Sheet(Clock.Today, Clock.UtcNow);
        Assert.Throws<ArgumentException>(() => LoungeCheck.Checked(sheet, Item(9), "s0", Clock.UtcNow, "attendant", true, null, null, null, 2));

        var first = LoungeCheck.Checked(sheet, Item(9), "s1", Clock.UtcNow, "attendant", true, "salesperson", "午休时躺在沙发上", null, 2);
        var second = LoungeCheck.Checked(sheet, Item(9), "s2", Clock.UtcNow.AddHours(2), "attendant", true, "salesperson", null, null, 2);
        var fines = new[] { first, second }.Select(c => LoungeFine.For(c, sheet.Day, LoungeRules.FineAmount(Policy), Clock.UtcNow)).ToList();

        Assert.All(fines, f => Assert.Equal("salesperson", f.StaffUserId));
        Assert.All(fines, f => Assert.Equal(Money.FromYuan(20m), f.Amount));
        Assert.Equal(202611, fines[0].Month);
        Assert.Equal(Money.FromYuan(35m), LoungeRules.FineAmount(new LoungePolicy { FinePerViolationYuan = 35m }));

        var ok = LoungeCheck.Checked(sheet, Item(1), "ok", Clock.UtcNow, "attendant", false, "attendant", null, null, 2);
        Assert.Null(ok.ResponsibleUserId);
        Assert.Throws<InvalidOperationException>(() => LoungeFine.For(ok, sheet.Day, LoungeRules.FineAmount(Policy), Clock.UtcNow));
    }

    [Fact]
    public void A_fine_is_waived_once_with_a_reason_and_stays_in_the_ledger()
    {
        var sheet = Sheet(Clock.Today, Clock.UtcNow);
        var check = LoungeCheck.Checked(sheet, Item(15), "w", Clock.UtcNow, "attendant", true, "attendant", "未穿工服", null, 2);
        var fine = LoungeFine.For(check, sheet.Day, Money.FromYuan(20m), Clock.UtcNow);

        Assert.Throws<ArgumentException>(() => fine.Waive("gm", "  ", Clock.UtcNow));
        Assert.Throws<ArgumentException>(() => fine.Waive("gm", new string('因', LoungeFine.ReasonMaxLength + 1), Clock.UtcNow));
        _time.Advance(TimeSpan.FromHours(3));
        fine.Waive("gm", " 工服送洗，已提前报备 ", Clock.UtcNow);

        Assert.True(fine.IsWaived);
        Assert.Equal("工服送洗，已提前报备", fine.WaiveReason);
        Assert.Equal(Clock.UtcNow, fine.WaivedUtc);
        Assert.Equal(Money.FromYuan(20m), fine.Amount);
        Assert.Throws<InvalidOperationException>(() => fine.Waive("gm", "again", Clock.UtcNow));
    }

    [Fact]
    public void The_day_is_over_at_local_midnight_and_a_closed_sheet_takes_nothing_more()
    {
        var day = Clock.Today;
        var sheet = Sheet(day, Clock.UtcNow);
        Assert.Equal(new DateTime(2026, 11, 23, 16, 0, 0, DateTimeKind.Utc), sheet.DeadlineUtc(Clock));

        // 23:59 Beijing time: still the day (UTC says 15:59 of the same date).
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.FromHours(8)));
        Assert.False(LoungeRules.DayIsOver(day, Clock));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(LoungeRules.DayIsOver(day, Clock));

        sheet.Close(Clock.UtcNow);
        Assert.Throws<InvalidOperationException>(() => LoungeCheck.Checked(sheet, Item(1), "late", Clock.UtcNow, "a", false, null, null, null, 2));
        Assert.Throws<InvalidOperationException>(() => sheet.Complete("a", Clock.UtcNow));
    }

    [Fact]
    public void A_shortfall_is_a_violation_of_the_attendant_keyed_once_per_item_and_day()
    {
        var day = Clock.Today;
        var sheet = Sheet(day, Clock.UtcNow);
        sheet.TakeBy("attendant");
        sheet.TakeBy("someone-else");
        Assert.Equal("attendant", sheet.AttendantUserId);

        var shortfall = LoungeCheck.Shortfall(sheet, Item(4), Clock.UtcNow, sheet.AttendantUserId!, 1, 2);
        Assert.True(shortfall.IsViolation);
        Assert.Equal("attendant", shortfall.ResponsibleUserId);
        Assert.Equal("Shortfall:2026-11-23:4", shortfall.Key);
        Assert.Equal(LoungeCheck.ShortfallKey(day, 4), LoungeCheck.Shortfall(sheet, Item(4), Clock.UtcNow.AddMinutes(5), "attendant", 1, 2).Key);
    }

    [Fact]
    public void A_sheet_is_complete_when_every_plain_item_in_use_was_checked_and_a_retired_item_is_not_enforced_from_its_day()
    {
        var plain = LoungeItem.Defaults.Where(i => !i.IsCounted).Select(i => i.Id).ToList();
        Assert.Equal(17, LoungeRules.MissingChecks(LoungeItem.Defaults, []).Count);
        Assert.Equal([20], LoungeRules.MissingChecks(LoungeItem.Defaults, plain.Where(id => id != 20)));
        Assert.Empty(LoungeRules.MissingChecks(LoungeItem.Defaults, plain));

        var item = new LoungeItem(21, LoungeItemCategory.Conduct, "新增条目");
        Assert.True(LoungeRules.InUseOn(item, Clock.Today, Clock));
        item.Retire(Clock.UtcNow);
        Assert.True(LoungeRules.InUseOn(item, Clock.Today.AddDays(-1), Clock));
        Assert.False(LoungeRules.InUseOn(item, Clock.Today, Clock));
        Assert.False(LoungeRules.InUseOn(item, Clock.Today.AddDays(1), Clock));
        Assert.Throws<ArgumentException>(() => item.Reword(" "));
    }

    [Fact]
    public void Lost_items_and_faults_keep_their_story()
    {
        var lost = new LostItem("黑色雨伞", "沙发旁", Clock.UtcNow, "客服总监 钱晓梅", "attendant");
        Assert.Throws<ArgumentOutOfRangeException>(() => lost.Return("张先生", Clock.UtcNow.AddHours(-1)));
        lost.Return("张先生", Clock.UtcNow.AddHours(2));
        Assert.True(lost.IsReturned);
        Assert.Throws<InvalidOperationException>(() => lost.Return("李女士", Clock.UtcNow.AddHours(3)));

        var fault = new EquipmentFault(LoungeEquipment.WaterDispenser, "不出热水", Clock.UtcNow, "attendant");
        fault.MoveTo(FaultStatus.InRepair, "已报后勤", Clock.UtcNow);
        Assert.Throws<InvalidOperationException>(() => fault.MoveTo(FaultStatus.Reported, null, Clock.UtcNow));
        fault.MoveTo(FaultStatus.Repaired, null, Clock.UtcNow.AddDays(1));
        Assert.Equal("已报后勤", fault.RepairNote);
        Assert.Equal(Clock.UtcNow.AddDays(1), fault.RepairedUtc);
        Assert.Throws<InvalidOperationException>(() => fault.MoveTo(FaultStatus.Repaired, null, Clock.UtcNow));
    }
}
