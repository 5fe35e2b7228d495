using DealerCrm.Domain.Common;
using DealerCrm.Domain.Settings;

namespace DealerCrm.Domain.Lounge;

/// <summary>The four headings of the checklist (RULES.md section 6).</summary>
public enum LoungeItemCategory
{
    Hygiene = 1,
    Equipment = 2,
    Conduct = 3,
    Attitude = 4,
}

/// <summary>Which daily minimum of <see cref="LoungePolicy"/> an item is counted against; None for a plain check.</summary>
public enum LoungeCountRule
{
    None = 0,
    MagazineRack = 1,
    ChildAreaAndGlass = 2,
    Ashtray = 3,
}

/// <summary>
/// One line of the lounge checklist, as the policy words it. Items are data: the wording,
/// the order and whether an item is still in use change without touching past checks, which
/// keep pointing at the item (a retired item stays in the table, hidden from new sheets).
/// </summary>
public sealed class LoungeItem : IVersioned
{
    public const int TextMaxLength = 300;

    private LoungeItem()
    {
    }

    public LoungeItem(int position, LoungeItemCategory category, string text, LoungeCountRule countRule = LoungeCountRule.None, bool recordsButts = false, bool againstAnyStaff = false)
    {
        Position = position;
        Category = category;
        CountRule = countRule;
        RecordsButts = recordsButts;
        AgainstAnyStaff = againstAnyStaff;
        Reword(text);
    }

    public int Id { get; private set; }

    public int Version { get; set; }

    /// <summary>Where the item stands on the sheet (1 = first).</summary>
    public int Position { get; private set; }

    public LoungeItemCategory Category { get; private set; }

    public string Text { get; private set; } = "";

    public LoungeCountRule CountRule { get; private set; }

    /// <summary>Each record of the item notes the cigarette butts found (the ashtray).</summary>
    public bool RecordsButts { get; private set; }

    /// <summary>A violation names whoever was found (staff on a lounge sofa), not the attendant.</summary>
    public bool AgainstAnyStaff { get; private set; }

    public DateTime? RetiredUtc { get; private set; }

    public bool IsCounted => CountRule != LoungeCountRule.None;

    public bool IsRetired => RetiredUtc is not null;

    public void Reword(string text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > TextMaxLength)
        {
            throw new ArgumentException($"An item's wording is 1 to {TextMaxLength} characters.", nameof(text));
        }

        Text = trimmed;
    }

    public void MoveTo(int position) => Position = position > 0 ? position : throw new ArgumentOutOfRangeException(nameof(position));

    public void Retire(DateTime nowUtc) => RetiredUtc ??= nowUtc;

    public void Restore() => RetiredUtc = null;

    /// <summary>The 20 items of RULES.md section 6, worded as the policy words them; seeded by the migration.</summary>
    public static IReadOnlyList<LoungeItem> Defaults { get; } = BuildDefaults();

    private static List<LoungeItem> BuildDefaults()
    {
        (LoungeItemCategory Category, string Text, LoungeCountRule Count, bool Butts, bool AnyStaff)[] items =
        [
            (LoungeItemCategory.Hygiene, "工作人员保持个人卫生及工作环境卫生", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Hygiene, "每天上班前整体清理:地面、沙发、儿童娱乐区、茶几、桌面、电视柜、报刊架、精品展架无灰尘,垃圾及时清理,无卫生死角", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Hygiene, "每天整理书报架不少于3次,并更新报刊内容", LoungeCountRule.MagazineRack, false, false),
            (LoungeItemCategory.Hygiene, "儿童娱乐区、门窗玻璃每天擦拭不少于2次,无明显痕迹", LoungeCountRule.ChildAreaAndGlass, false, false),
            (LoungeItemCategory.Hygiene, "烟灰缸及时清理,烟头不超过2个;每天全面清理不少于3次;下班前无污渍、烟渍及烟灰", LoungeCountRule.Ashtray, true, false),
            (LoungeItemCategory.Hygiene, "一次性杯子及时清理,不乱堆乱放", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Hygiene, "吧台桌面、柜子内部整理,不乱堆乱放", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Hygiene, "饮料机随时有冷饮供应,纯净水桶统一摆放,地面无水渍、污渍", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Hygiene, "严禁工作人员占用休息区沙发", LoungeCountRule.None, false, true),
            (LoungeItemCategory.Hygiene, "客人离去后电脑桌及时清理,杂志宣传页及时归位", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Hygiene, "客人离去后沙发坐垫及时归位;遗留物品及时上报公司领导并归还客户", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Equipment, "电脑、饮水机、电视机、影碟机、空调等电气设备完好并正常使用", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Equipment, "沙发、茶几、吧台等木制家具无破损、划痕、烫痕", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Conduct, "接待客户热情主动、有礼有节", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Conduct, "按规定着装,仪容整洁", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Conduct, "任何时候严禁\"趴\"\"靠\"在接待台内", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Conduct, "工作时间不擅自离岗、不做与工作无关的事", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Attitude, "客户进入休息室,主动问好并引导入座", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Attitude, "询问客人饮品,至少提供三种选择", LoungeCountRule.None, false, false),
            (LoungeItemCategory.Attitude, "午餐时询问客户是否用餐,通知服务顾问并做好用餐准备", LoungeCountRule.None, false, false),
        ];
        return items.Select((x, i) => new LoungeItem(i + 1, x.Category, x.Text, x.Count, x.Butts, x.AnyStaff) { Id = i + 1 }).ToList();
    }
}
