using DealerCrm.Domain.Common;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Settings;
using DealerCrm.Domain.Staff;
using DealerCrm.Infrastructure.Data;
using DealerCrm.Web.Infrastructure.Staff;
using DealerCrm.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Infrastructure.Demo;

/// <summary>
/// The demo dealership's follow-up history: the job generates every task the demo deliveries,
/// visits and birthdays imply, and each past task is given a plausible history as it is created
/// (most calls made on time with the customer's answers, some late, some unreachable, a few
/// unhappy customers); the last days' work is left open, so every calling role finds a queue
/// with tasks overdue, due today and upcoming.
/// </summary>
public sealed class FollowUpDemoData(
    DealerCrmDbContext db,
    FollowUpJob job,
    StaffDirectory staff,
    DealershipClock clock,
    IOptions<FollowUpPolicy> policy) : IDemoDataSeeder
{
    private static readonly Dictionary<FollowUpKind, string[][]> Answers = new()
    {
        [FollowUpKind.FirstCall] =
        [
            ["客户表示感谢，很满意这次购车", "客户说选我们店是朋友推荐的"],
            ["新车开着很好，中控屏的导航还不太会用，已约时间讲解", "车很好开，没有不明白的地方"],
            ["对店里环境满意，销售顾问讲解很耐心", "整体满意，交车仪式很用心"],
            ["建议交车等待时间再缩短一些", "没有其他建议"],
            ["无不满", "对赠送装饰的安装时间有点意见，已解释并约好安装"],
            ["已上牌", "上牌中，不需要协助", "需要协助上牌，已转销售顾问跟进"],
        ],
        [FollowUpKind.SecondCall] =
        [
            ["用车正常，油耗符合预期", "很满意，家人也喜欢"],
            ["已提醒首保时间和里程", "已告知首保 5000 公里或 6 个月"],
            ["已上牌", "已上牌，不需要帮助"],
            ["无投诉", "反映脚垫异味，已安排更换"],
        ],
        [FollowUpKind.RegularContact] =
        [
            ["已提醒下次保养", "近期将到店保养"],
            ["车辆使用正常", "主要上下班代步，每月约 1500 公里"],
            ["喜欢自驾游", "周末常打羽毛球"],
            ["已邀请参加月底车主自驾活动", "已邀请参加新车品鉴会"],
            ["无疑难问题", "咨询了 ETC 办理，已告知流程"],
        ],
        [FollowUpKind.BirthdayVisit] = [["车况良好，已送生日礼品", "电话问候，车辆使用正常"], ["已介绍本月保养优惠活动", "已介绍新车型上市活动"]],
        [FollowUpKind.AnniversaryVisit] = [["一年行驶约 1.8 万公里，车况良好", "车辆使用正常"], ["已邀请参加车主周年回馈活动", "已介绍延保方案"]],
        [FollowUpKind.BirthdayGreeting] = [["已短信和电话送上生日祝福，客户表示感谢", "已送上生日祝福"]],
        [FollowUpKind.AnniversaryGreeting] = [["已祝贺爱车周年，客户很高兴", "已发送周年祝贺"]],
        [FollowUpKind.InsuranceRenewal] = [["客户同意在本店续保，已转保险专员", "客户考虑中，下周回复", "已在其他渠道续保"]],
        [FollowUpKind.AfterServiceRevisit] =
        [
            ["已自我介绍并确认车主身份，感谢到店", "已确认车主本人"],
            ["车辆状况良好", "保养后一切正常"],
            ["无问题", "反映刹车轻微异响，周二上午出现，已记录"],
            ["已解答保养周期问题", "异响问题已转售后，约周四复检"],
            ["已再次感谢，告知客服电话", "已致谢"],
        ],
    };

    private static readonly string[] UnhappyNotes =
    [
        "交车等了两个多小时，客户不满意",
        "保养后异响仍未解决，客户情绪较大",
        "客户认为保养报价比上次高，需要解释",
    ];

    private readonly Random _random = new(2027);
    private IReadOnlyDictionary<string, IReadOnlyList<StaffMember>> _byRole = new Dictionary<string, IReadOnlyList<StaffMember>>();
    private DateTime _now;

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.FollowUpTasks.AnyAsync(cancellationToken) || !await db.Deliveries.AnyAsync(cancellationToken))
        {
            return;
        }

        _now = clock.UtcNow;
        var roles = new[] { Roles.CsAgent, Roles.SalesManager, Roles.Salesperson };
        var byRole = new Dictionary<string, IReadOnlyList<StaffMember>>();
        foreach (var role in roles)
        {
            byRole[role] = await staff.InRolesAsync([role], cancellationToken);
        }

        _byRole = byRole;
        job.Shaping = Shape;
        job.ReplaysHistory = true;
        await job.RunOnceAsync(cancellationToken);
        job.ReplaysHistory = false;
        job.Shaping = null;
    }

    /// <summary>Gives a past task the history a working dealership would have given it.</summary>
    private void Shape(FollowUpTask task)
    {
        var age = _now - task.DueUtc;
        // Today's and tomorrow's work is still to do; of the last ten days, a quarter is overdue.
        if (age < TimeSpan.FromHours(12) || (age < TimeSpan.FromDays(10) && _random.NextDouble() < 0.25))
        {
            return;
        }

        var worker = Worker(task);
        if (worker is null)
        {
            return;
        }

        if (task.OwnerUserId is null)
        {
            task.Claim(worker.Id, worker.UserName, task.CreatedUtc);
        }

        var when = task.DueUtc.AddHours(-_random.Next(1, 20));
        if (_random.NextDouble() < 0.08)
        {
            when = task.DueUtc.AddHours(_random.Next(2, 60));
        }

        if (when > _now)
        {
            when = _now.AddMinutes(-_random.Next(10, 120));
        }

        if (task.Kind == FollowUpKind.ThankYouLetter)
        {
            task.RecordLetterPrinted(worker.UserName, when.AddMinutes(-20));
            task.MarkLetterSent(worker.Id, worker.UserName, when);
            return;
        }

        var roll = _random.NextDouble();
        if (roll < 0.06)
        {
            for (var attempt = 0; attempt < policy.Value.MaxCallAttempts && task.IsOpen; attempt++)
            {
                task.RecordCall(new CallRecord(worker.Id, worker.UserName, CallOutcome.NotReached, new Dictionary<int, string>(), "无人接听"), policy.Value, when.AddDays(attempt));
            }

            return;
        }

        var outcome = roll < 0.09 ? CallOutcome.Refused : roll < 0.105 ? CallOutcome.WrongNumber : CallOutcome.Reached;
        var answers = outcome == CallOutcome.Reached ? AnswersFor(task.Kind) : new Dictionary<int, string>();
        if (outcome == CallOutcome.Reached && _random.NextDouble() < 0.03)
        {
            task.RecordUnhappy(UnhappyNotes[_random.Next(UnhappyNotes.Length)], worker.UserName, when);
        }

        task.RecordCall(new CallRecord(worker.Id, worker.UserName, outcome, answers, null), policy.Value, when);
    }

    private Dictionary<int, string> AnswersFor(FollowUpKind kind)
    {
        var options = Answers.GetValueOrDefault(kind) ?? [];
        return Enumerable.Range(1, kind.TalkingPoints())
            .ToDictionary(point => point, point => point <= options.Length ? options[point - 1][_random.Next(options[point - 1].Length)] : "已沟通");
    }

    private StaffMember? Worker(FollowUpTask task)
    {
        var candidates = _byRole.GetValueOrDefault(task.OwnerRole) ?? [];
        if (task.OwnerUserId is { } owner)
        {
            return candidates.FirstOrDefault(c => c.Id == owner);
        }

        var eligible = candidates.Where(c => !FollowUpDuty.Access.Excludes(task, c.Id)).ToList();
        return eligible.Count == 0 ? null : eligible[_random.Next(eligible.Count)];
    }
}
