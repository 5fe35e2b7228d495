using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.FollowUps;

/// <summary>The kinds of follow-up of RULES.md section 3.</summary>
public enum FollowUpKind
{
    /// <summary>感谢信: printed and sent within 24 h of delivery by the salesperson.</summary>
    ThankYouLetter = 1,

    /// <summary>第一个电话: within 24 h of delivery, by the sales manager.</summary>
    FirstCall = 2,

    /// <summary>第二个电话: within 7 days of delivery, by the selling salesperson.</summary>
    SecondCall = 3,

    /// <summary>每两个月联系: every two months after delivery, by the customer's salesperson.</summary>
    RegularContact = 4,

    /// <summary>面访 around the customer's birthday.</summary>
    BirthdayVisit = 5,

    /// <summary>面访 around each purchase anniversary.</summary>
    AnniversaryVisit = 6,

    /// <summary>生日祝贺 to the customer or a family member, on the day, by a CS agent.</summary>
    BirthdayGreeting = 7,

    /// <summary>购车周年祝贺, on the day, by a CS agent.</summary>
    AnniversaryGreeting = 8,

    /// <summary>售后回访 within 3 days of a service visit, by a CS agent who is not the advisor who served it.</summary>
    AfterServiceRevisit = 9,

    /// <summary>续保提醒 30 days before the insurance expires, by a CS agent.</summary>
    InsuranceRenewal = 10,

    /// <summary>
    /// 售后满意度调查 (CSI) after a service visit, by a CS agent who is not the advisor rated. Numbered
    /// after issue 15 so kinds added on parallel branches cannot take the same value.
    /// </summary>
    CsiSurvey = 151,

    /// <summary>销售满意度调查 (SSI) within a month of a purchase, by a CS agent who is not the salesperson rated.</summary>
    SsiSurvey = 152,

    /// <summary>跟踪: the call to the customer after a complaint closed, by a CS agent (the one who took it in).</summary>
    ComplaintFollowUp = 11,
}

public static class FollowUpKinds
{
    /// <summary>The role whose members work this kind of task (a person of it, or its shared pool).</summary>
    public static string OwnerRole(this FollowUpKind kind) => kind switch
    {
        FollowUpKind.FirstCall => Roles.SalesManager,
        FollowUpKind.ThankYouLetter or FollowUpKind.SecondCall or FollowUpKind.RegularContact
            or FollowUpKind.BirthdayVisit or FollowUpKind.AnniversaryVisit => Roles.Salesperson,
        _ => Roles.CsAgent,
    };

    /// <summary>
    /// Tasks bound to an occasion (a day, a period) that pass with it: not done within the
    /// window after their day they are missed. Calls after a delivery or a service visit never
    /// lapse: they stay overdue until made.
    /// </summary>
    public static bool IsOccasion(this FollowUpKind kind) => kind is FollowUpKind.RegularContact
        or FollowUpKind.BirthdayVisit or FollowUpKind.AnniversaryVisit or FollowUpKind.BirthdayGreeting
        or FollowUpKind.AnniversaryGreeting or FollowUpKind.InsuranceRenewal;

    /// <summary>A satisfaction survey: taken on the survey page (/Csi/Surveys/Take), question by question.</summary>
    public static bool IsSurvey(this FollowUpKind kind) => kind is FollowUpKind.CsiSurvey or FollowUpKind.SsiSurvey;

    /// <summary>A phone call (or visit) with a script; the letter is printed, not called.</summary>
    public static bool IsCall(this FollowUpKind kind) => kind != FollowUpKind.ThankYouLetter;

    /// <summary>How many talking points the kind's script has (RULES.md section 3).</summary>
    public static int TalkingPoints(this FollowUpKind kind) => kind switch
    {
        FollowUpKind.ThankYouLetter => 0,
        FollowUpKind.FirstCall => 6,
        FollowUpKind.SecondCall => 4,
        FollowUpKind.RegularContact => 5,
        FollowUpKind.BirthdayVisit or FollowUpKind.AnniversaryVisit => 2,
        FollowUpKind.AfterServiceRevisit => 5,
        _ => 1,
    };
}
