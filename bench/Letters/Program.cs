using System.Diagnostics;
using System.Globalization;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Letters;
using DealerCrm.Infrastructure.Letters;

// Renders thank-you letters the way the site does (one singleton renderer) and prints how long
// one letter and a day's batch of 100 take, and how big the PDFs are, against the issue's targets.
const int WarmUp = 20;
const int Renders = 200;
const int BatchSize = 100;
const int BatchRuns = 5;

var head = new DealershipLetterhead("华南之星汽车销售服务有限公司", "广州市天河区黄埔大道西668号", "020-8888-6666");
var letters = Letters(BatchSize, head);
var single = letters[0];

using var renderer = new SkiaLetterRenderer();

var cold = Stopwatch.StartNew();
renderer.RenderPdf([single]);
cold.Stop();

for (var run = 0; run < WarmUp; run++)
{
    renderer.RenderPdf([letters[run % letters.Count]]);
}

var times = new List<double>(Renders);
var size = 0;
for (var run = 0; run < Renders; run++)
{
    var watch = Stopwatch.StartNew();
    size = renderer.RenderPdf([single]).Length;
    times.Add(watch.Elapsed.TotalMilliseconds);
}

renderer.RenderPdf(letters);
var batchTimes = new List<double>(BatchRuns);
var batchSize = 0;
for (var run = 0; run < BatchRuns; run++)
{
    var watch = Stopwatch.StartNew();
    batchSize = renderer.RenderPdf(letters).Length;
    batchTimes.Add(watch.Elapsed.TotalSeconds);
}

var fitTimes = new List<double>(Renders);
for (var run = 0; run < Renders; run++)
{
    var watch = Stopwatch.StartNew();
    renderer.FitsOnOnePage(single);
    fitTimes.Add(watch.Elapsed.TotalMilliseconds);
}

times.Sort();
batchTimes.Sort();
fitTimes.Sort();
var median = Percentile(times, 0.5);
var p95 = Percentile(times, 0.95);
var sizeKb = size / 1024.0;
var batchSeconds = Percentile(batchTimes, 0.5);
var batchMb = batchSize / (1024.0 * 1024.0);

Console.WriteLine($"Thank-you letters, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| measure                                      | value      | target    |    |");
Console.WriteLine("|----------------------------------------------|------------|-----------|----|");
Row("first letter, cold (loads the fonts)", $"{cold.Elapsed.TotalMilliseconds:F0} ms", "", null);
Row($"one letter, warm, median of {Renders}", $"{median:F1} ms", "≤ 50 ms", median <= 50);
Row($"one letter, warm, p95 of {Renders}", $"{p95:F1} ms", "≤ 50 ms", p95 <= 50);
Row("one letter, PDF size", $"{sizeKb:F1} KB", "≤ 60 KB", sizeKb <= 60);
Row($"batch of {BatchSize} distinct letters, median of {BatchRuns}", $"{batchSeconds:F2} s", "≤ 3 s", batchSeconds <= 3);
Row($"batch of {BatchSize}, PDF size", $"{batchMb:F2} MB", "≤ 2 MB", batchMb <= 2);
Row("FitsOnOnePage, median", $"{Percentile(fitTimes, 0.5):F2} ms", "", null);
Row("process working set after the runs", $"{Environment.WorkingSet / (1024.0 * 1024.0):F0} MB", "", null);

static void Row(string measure, string value, string target, bool? met) =>
    Console.WriteLine($"| {measure,-44} | {value,10} | {target,-9} | {(met is null ? "  " : met.Value ? "ok" : "NO")} |");

static double Percentile(List<double> sorted, double fraction) =>
    sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

static List<LetterDocument> Letters(int count, DealershipLetterhead head)
{
    string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "欧阳", "司马", "马", "朱"];
    string[] givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平"];
    string[] models = ["比亚迪 汉 EV", "特斯拉 Model Y", "丰田 凯美瑞 2.5L 豪华版", "本田 雅阁", "大众 帕萨特", "别克 GL8 陆上公务舱", "理想 L7", "蔚来 ES6", "小鹏 G9", "吉利 星越L"];
    string[] salespeople = ["吴婷婷", "刘洋", "黄晓东"];
    var today = new DateOnly(2026, 11, 23);
    var result = new List<LetterDocument>(count);
    for (var index = 0; index < count; index++)
    {
        var delivery = today.AddDays(-(index % 5));
        var facts = new ThankYouLetterFacts(
            surnames[index % surnames.Length] + givenNames[(index * 7) % givenNames.Length],
            (Gender)(index % 3),
            false,
            null,
            Gender.Unknown,
            models[index % models.Length],
            delivery,
            salespeople[index % salespeople.Length],
            string.Create(CultureInfo.InvariantCulture, $"139{index:D4}{(index * 37) % 10000:D4}"),
            "020-8888-6666",
            index % 4 == 0 ? null : delivery.AddMonths(6),
            index % 5 == 0 ? null : 5000 + (index % 3 * 2500),
            today);
        result.Add(ThankYouLetterComposer.Compose(facts, LetterTemplate.DefaultThankYouTemplate, head));
    }

    return result;
}
