using DealerCrm.Domain.Common;
using DealerCrm.Domain.Settings;

namespace DealerCrm.Domain.Lounge;

/// <summary>A counted item's day so far: cleanings logged against the minimum.</summary>
public sealed record CountTally(int ItemId, int Done, int Minimum)
{
    public bool IsShort => Done < Minimum;

    public int Missing => Math.Max(0, Minimum - Done);
}

/// <summary>The lounge checklist's rules (RULES.md section 6), once, for the sheet page, the job and the tests.</summary>
public static class LoungeRules
{
    /// <summary>The daily minimum of a counted item from the policy; 0 for a plain check.</summary>
    public static int MinimumFor(LoungeCountRule rule, LoungePolicy policy) => rule switch
    {
        LoungeCountRule.MagazineRack => policy.MagazineRackTidiesPerDay,
        LoungeCountRule.ChildAreaAndGlass => policy.ChildAreaAndGlassWipesPerDay,
        LoungeCountRule.Ashtray => policy.AshtrayCleansPerDay,
        _ => 0,
    };

    /// <summary>A check is a violation when it was found violated, or when more butts lay in the ashtray than allowed.</summary>
    public static bool IsViolation(bool markedViolated, int? buttCount, int maxButts) =>
        markedViolated || buttCount > maxButts;

    /// <summary>The fine per violation, from the setting.</summary>
    public static Money FineAmount(LoungePolicy policy) => Money.FromYuan(policy.FinePerViolationYuan);

    /// <summary>Each counted item in use with its cleanings (by item id) against its minimum.</summary>
    public static IReadOnlyList<CountTally> Tally(IEnumerable<LoungeItem> items, IReadOnlyDictionary<int, int> cleaningsByItem, LoungePolicy policy) =>
        items.Where(i => i.IsCounted)
            .OrderBy(i => i.Position)
            .Select(i => new CountTally(i.Id, cleaningsByItem.GetValueOrDefault(i.Id), MinimumFor(i.CountRule, policy)))
            .ToList();

    /// <summary>The counted items short of their minimum: at the end of the day each is a violation by itself.</summary>
    public static IReadOnlyList<CountTally> Shortfalls(IEnumerable<LoungeItem> items, IReadOnlyDictionary<int, int> cleaningsByItem, LoungePolicy policy) =>
        Tally(items, cleaningsByItem, policy).Where(t => t.IsShort).ToList();

    /// <summary>The items a complete sheet must have looked at: every plain item in use (counted items are logged, not ticked).</summary>
    public static IReadOnlyList<int> MissingChecks(IEnumerable<LoungeItem> items, IEnumerable<int> checkedItemIds)
    {
        var done = checkedItemIds.ToHashSet();
        return items.Where(i => !i.IsCounted && !done.Contains(i.Id)).OrderBy(i => i.Position).Select(i => i.Id).ToList();
    }

    /// <summary>
    /// Items in use on a day: not retired by the day's end. An item retired during the day is not
    /// enforced at its end (nobody is fined for a rule withdrawn that day); past days keep it.
    /// </summary>
    public static bool InUseOn(LoungeItem item, DateOnly day, DealershipClock clock) =>
        item.RetiredUtc is not { } retired || retired >= clock.StartOfDayUtc(day.AddDays(1));

    /// <summary>Whether the local day is over (its sheet can be settled).</summary>
    public static bool DayIsOver(DateOnly day, DealershipClock clock) => clock.UtcNow >= clock.StartOfDayUtc(day.AddDays(1));
}
