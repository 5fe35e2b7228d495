using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Letters;

namespace DealerCrm.Web.Tests.Letters;

/// <summary>Realistic letters for the renderer tests: the four cases staff meet, and a batch.</summary>
public static class LetterSamples
{
    public static readonly DateOnly Delivery = new(2026, 11, 23);

    public static DealershipLetterhead Head { get; } =
        new("华南之星汽车销售服务有限公司", "广州市天河区黄埔大道西668号", "020-8888-6666");

    public static DealershipLetterhead LongHead { get; } = new(
        "广州市白云区华南之星汽车销售服务有限公司（比亚迪授权4S店）",
        "广州市白云区机场路1688号白云汽车城B区3栋首层至二层（近地铁3号线嘉禾望岗站C出口，沿机场路向北步行约800米）",
        "020-8888-6666");

    /// <summary>王伟, male, a short name.</summary>
    public static ThankYouLetterFacts WangWei { get; } = new(
        "王伟", Gender.Male, false, null, Gender.Unknown, "比亚迪 汉 EV", Delivery,
        "吴婷婷", "138-2233-4455", "020-8888-6666", Delivery.AddMonths(6), 5000, Delivery);

    /// <summary>A compound surname, a long model name, under the long letterhead.</summary>
    public static ThankYouLetterFacts OuyangSiyu { get; } = new(
        "欧阳思雨", Gender.Female, false, null, Gender.Unknown, "特斯拉 Model Y 长续航全轮驱动版", Delivery,
        "黄晓东", "13922334455", "020-8888-6666", Delivery.AddMonths(3), 3000, Delivery);

    /// <summary>A company customer addressed through its key contact; no first-maintenance date.</summary>
    public static ThankYouLetterFacts ShundaLogistics { get; } = new(
        "广州顺达物流有限公司", Gender.Unknown, true, "陈晓东", Gender.Male, "别克 GL8 陆上公务舱", Delivery,
        "刘洋", "020-3888-1234", "020-8888-6666", null, 7500, Delivery);

    /// <summary>Gender unknown, no salesperson phone, no first-maintenance facts.</summary>
    public static ThankYouLetterFacts LiJia { get; } = new(
        "李佳", Gender.Unknown, false, null, Gender.Unknown, "丰田 凯美瑞 2.5L 豪华版", Delivery,
        "吴婷婷", string.Empty, "020-8888-6666", null, null, Delivery);

    public static LetterDocument Compose(ThankYouLetterFacts facts, DealershipLetterhead? head = null, string? template = null) =>
        ThankYouLetterComposer.Compose(facts, template ?? LetterTemplate.DefaultThankYouTemplate, head ?? Head);

    public static IEnumerable<(string Name, LetterDocument Letter)> FourCases()
    {
        yield return ("short", Compose(WangWei));
        yield return ("long", Compose(OuyangSiyu, LongHead));
        yield return ("company", Compose(ShundaLogistics));
        yield return ("unknown", Compose(LiJia));
    }

    /// <summary><paramref name="count"/> distinct letters, as a day's batch would be.</summary>
    public static IReadOnlyList<LetterDocument> Batch(int count)
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "欧阳", "司马", "马", "朱"];
        string[] givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平"];
        string[] models = ["比亚迪 汉 EV", "特斯拉 Model Y", "丰田 凯美瑞", "本田 雅阁", "大众 帕萨特", "别克 GL8", "理想 L7", "蔚来 ES6", "小鹏 G9", "吉利 星越L"];
        string[] salespeople = ["吴婷婷", "刘洋", "黄晓东"];
        var letters = new List<LetterDocument>(count);
        for (var index = 0; index < count; index++)
        {
            var name = surnames[index % surnames.Length] + givenNames[(index * 7) % givenNames.Length];
            var delivery = Delivery.AddDays(-(index % 5));
            var facts = new ThankYouLetterFacts(
                name,
                (Gender)(index % 3),
                false,
                null,
                Gender.Unknown,
                models[index % models.Length],
                delivery,
                salespeople[index % salespeople.Length],
                $"139{index:D4}{(index * 37) % 10000:D4}",
                "020-8888-6666",
                index % 4 == 0 ? null : delivery.AddMonths(6),
                index % 5 == 0 ? null : 5000 + (index % 3 * 2500),
                Delivery);
            letters.Add(Compose(facts));
        }

        return letters;
    }
}
