using System.Globalization;
using DealerCrm.Domain.Customers;

namespace DealerCrm.Bench.Customers.Generator;

/// <summary>
/// Made-up but well-formed customer data: Chinese names, unique mobiles, unique mainland plates
/// (regular and new-energy), unique VINs with their check digit. Repeatable from the seed.
/// </summary>
internal sealed class FakeData(Random random)
{
    // The common surnames, the most common ones more often (as in the app's demo data).
    private const string Surnames = "王王王李李李张张张刘刘陈陈杨杨黄黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";
    private const string MaleGiven = "伟强磊军勇杰涛明超斌鹏华辉刚建国志文浩宇俊峰海波亮晨晓东林平健宏家豪子轩博";
    private const string FemaleGiven = "芳娜敏静丽艳娟霞燕玲婷雪慧琳颖洁晶倩欣怡佳梅兰红萍莉琪月华雨";
    private const string PlateLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private const string VinYearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789";

    private static readonly string[] MobilePrefixes = ["138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188", "130", "131", "132", "155", "156", "185", "133", "153", "180", "189", "177", "199"];
    private static readonly string[] Districts = ["天河区", "越秀区", "海珠区", "荔湾区", "白云区", "番禺区", "黄埔区", "花都区", "南沙区", "增城区", "顺德区", "南海区"];
    private static readonly string[] Streets = ["体育西路", "天河北路", "中山大道", "黄埔大道", "东风东路", "环市东路", "广州大道南", "江南大道", "新港西路", "工业大道", "机场路", "广园东路", "番禺大道", "市桥路", "迎宾大道"];
    private static readonly string[] CompanyStems = ["顺达物流", "恒信贸易", "德润建材", "华美装饰", "鸿运餐饮", "中科软件", "粤海食品", "金穗农业", "嘉禾置业", "远航电子", "新丰运输", "广和医药", "南方印务", "利华机电"];
    private static readonly string[] Occupations = ["教师", "医生", "工程师", "公务员", "企业主", "销售经理", "会计", "律师", "程序员", "设计师", "个体经营", "护士", "银行职员"];

    // Plates of the dealership's region mostly, some from elsewhere.
    private static readonly (char Province, string Offices)[] PlateRegions =
        [('粤', "AAAABBEEHSTXY"), ('粤', "AAAAAAAA"), ('湘', "ABC"), ('桂', "AB"), ('闽', "ADE")];

    private readonly HashSet<string> _mobiles = [];
    private readonly HashSet<string> _plates = [];
    private int _vinSerial = 100_000;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double probability) => random.NextDouble() < probability;

    public string PersonName(Gender gender)
    {
        var given = gender == Gender.Female ? FemaleGiven : MaleGiven;
        var name = string.Concat(Surnames[random.Next(Surnames.Length)], given[random.Next(given.Length)]);
        return Chance(0.6) ? name + given[random.Next(given.Length)] : name;
    }

    public string CompanyName() => $"广州{Pick(CompanyStems)}{Pick(["", "", "实业", "科技", "发展"])}有限公司";

    public string Occupation() => Pick(Occupations);

    public string Address() => $"广州市{Pick(Districts)}{Pick(Streets)}{random.Next(1, 999)}号";

    public string Mobile()
    {
        string mobile;
        do
        {
            mobile = Pick(MobilePrefixes) + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
        }
        while (!_mobiles.Add(mobile));
        return mobile;
    }

    public string Landline() => $"020-{random.Next(3, 9)}{random.Next(1_000_000, 10_000_000)}";

    /// <summary>A plate nobody else has: 粤A12345 / 粤B3K5Z7 style, or a small new-energy plate (粤AD12345) for an electric car.</summary>
    public string Plate(bool electric)
    {
        string plate;
        do
        {
            var (province, offices) = Pick(PlateRegions);
            var office = offices[random.Next(offices.Length)];
            if (electric)
            {
                var kind = Chance(0.8) ? 'D' : 'F';
                var second = Chance(0.7) ? PlateLetters[random.Next(PlateLetters.Length)] : (char)('0' + random.Next(10));
                plate = $"{province}{office}{kind}{second}{random.Next(0, 10_000):0000}";
            }
            else
            {
                // Five characters: mostly digits, up to two letters (not I or O).
                var tail = new char[5];
                var letters = random.Next(0, 3);
                for (var i = 0; i < tail.Length; i++)
                {
                    tail[i] = (char)('0' + random.Next(10));
                }

                for (var i = 0; i < letters; i++)
                {
                    tail[random.Next(tail.Length)] = PlateLetters[random.Next(PlateLetters.Length)];
                }

                plate = $"{province}{office}{new string(tail)}";
            }
        }
        while (!PlateNumber.IsValid(plate) || !_plates.Add(plate));
        return plate;
    }

    /// <summary>A made-up VIN in the shape of a Chinese-built car's (LVG…), unique by its serial, with its check digit.</summary>
    public string Vin(int modelYear)
    {
        var year = VinYearCodes[(modelYear - 2010) % 30];
        var body = $"LVGB{PlateLetters[random.Next(PlateLetters.Length)]}{random.Next(10, 99)}K0{year}{PlateLetters[random.Next(PlateLetters.Length)]}{_vinSerial++:000000}";
        var vin = body[..8] + DealerCrm.Domain.Customers.Vin.CheckDigit(body) + body[9..];
        return DealerCrm.Domain.Customers.Vin.IsValid(vin) ? vin : throw new InvalidOperationException($"Generated an invalid VIN {vin}.");
    }
}
