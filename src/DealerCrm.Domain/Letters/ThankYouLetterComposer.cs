using System.Globalization;
using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Letters;

/// <summary>What a thank-you letter says about one delivery.</summary>
/// <param name="CustomerName">The person's name, or the company's name for a company customer.</param>
/// <param name="CustomerGender">The person's gender (ignored for a company).</param>
/// <param name="IsCompany">A company customer, addressed through its key contact (关键人) when known.</param>
/// <param name="KeyContactName">The company's key contact, if recorded.</param>
/// <param name="KeyContactGender">The key contact's gender.</param>
/// <param name="FirstMaintenanceMileageKm">首保 mileage in kilometres, if known.</param>
public sealed record ThankYouLetterFacts(
    string CustomerName,
    Gender CustomerGender,
    bool IsCompany,
    string? KeyContactName,
    Gender KeyContactGender,
    string VehicleModel,
    DateOnly DeliveryDate,
    string SalespersonName,
    string SalespersonPhone,
    string ServiceHotline,
    DateOnly? FirstMaintenanceDate,
    int? FirstMaintenanceMileageKm,
    DateOnly LetterDate)
{
    /// <summary>
    /// A letter with long values everywhere (a four-character name, a long model, a long address
    /// in the letterhead): if the template fits on one page with these, it fits with real ones.
    /// </summary>
    public static ThankYouLetterFacts LongestLikely(DateOnly today) => new(
        "欧阳思雨", Gender.Female, false, null, Gender.Unknown, "丰田 凯美瑞 双擎 2.5HQ 旗舰版 智能电混", today.AddDays(-1),
        "司马长风", "020-8888-6666 转 8012", "020-8888-6666", today.AddMonths(6), 5000, today);
}

/// <summary>Turns the facts of a delivery and the administrator's template into a printable letter.</summary>
public static class ThankYouLetterComposer
{
    /// <summary>Said instead of a first-maintenance date that is not on file.</summary>
    public const string UnknownFirstMaintenanceDate = "保养手册规定的日期";

    /// <summary>Said instead of a first-maintenance mileage that is not on file.</summary>
    public const string UnknownFirstMaintenanceMileage = "保养手册规定的里程";

    public static IReadOnlyList<string> ClosingLines { get; } = ["此致", "敬礼！"];

    /// <summary>The salesperson signs the thank-you letter.</summary>
    public const string SalespersonRole = "销售顾问";

    /// <summary>Composes the letter.</summary>
    /// <exception cref="ArgumentException">The template has problems (see <see cref="LetterTemplate.Validate"/>).</exception>
    public static LetterDocument Compose(ThankYouLetterFacts facts, string templateText, DealershipLetterhead head)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(templateText);
        ArgumentNullException.ThrowIfNull(head);

        var addressee = facts.IsCompany
            ? Salutation.CompanyAddressee(facts.CustomerName, facts.KeyContactName, facts.KeyContactGender)
            : Salutation.Addressee(facts.CustomerName, facts.CustomerGender);
        var hotline = string.IsNullOrWhiteSpace(facts.ServiceHotline) ? head.Hotline : facts.ServiceHotline.Trim();
        var salespersonPhone = string.IsNullOrWhiteSpace(facts.SalespersonPhone) ? hotline : facts.SalespersonPhone.Trim();
        var maintenanceDate = facts.FirstMaintenanceDate is { } due ? FormatDate(due) : null;
        var maintenanceMileage = facts.FirstMaintenanceMileageKm is { } km ? FormatMileage(km) : null;

        var values = new Dictionary<string, string>
        {
            [LetterPlaceholders.CustomerName] = facts.CustomerName.Trim(),
            [LetterPlaceholders.Addressee] = addressee,
            [LetterPlaceholders.VehicleModel] = facts.VehicleModel.Trim(),
            [LetterPlaceholders.DeliveryDate] = FormatDate(facts.DeliveryDate),
            [LetterPlaceholders.Salesperson] = facts.SalespersonName.Trim(),
            [LetterPlaceholders.SalespersonPhone] = salespersonPhone,
            [LetterPlaceholders.ServiceHotline] = hotline,
            [LetterPlaceholders.FirstMaintenanceDate] = maintenanceDate ?? UnknownFirstMaintenanceDate,
            [LetterPlaceholders.FirstMaintenanceMileage] = maintenanceMileage ?? UnknownFirstMaintenanceMileage,
        };

        var letterDate = FormatDate(facts.LetterDate);
        return new LetterDocument(
            head,
            letterDate,
            Salutation.Honorific + addressee + "：",
            new LetterTemplate(templateText).FillParagraphs(values),
            ClosingLines,
            [head.Name, letterDate],
            Reminder(facts, maintenanceDate, maintenanceMileage, hotline),
            string.IsNullOrWhiteSpace(facts.SalespersonName) ? null : new LetterSignatory(SalespersonRole, facts.SalespersonName.Trim()));
    }

    /// <summary>2026年11月23日.</summary>
    public static string FormatDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>5000公里.</summary>
    public static string FormatMileage(int kilometres) =>
        string.Create(CultureInfo.InvariantCulture, $"{kilometres}公里");

    /// <summary>The service card at the foot of the letter: whose car, which car, when its first maintenance is due.</summary>
    private static LetterReminder Reminder(ThankYouLetterFacts facts, string? date, string? mileage, string hotline)
    {
        var lines = new List<string>
        {
            $"车主：{facts.CustomerName.Trim()}",
            $"车型：{facts.VehicleModel.Trim()}",
        };
        if (date is null && mileage is null)
        {
            lines.Add($"首保：{UnknownFirstMaintenanceDate}或{UnknownFirstMaintenanceMileage}");
        }

        if (date is not null)
        {
            lines.Add($"首保日期：{date}之前");
        }

        if (mileage is not null)
        {
            lines.Add($"首保里程：行驶至{mileage}" + (date is null ? string.Empty : "（以先到者为准）"));
        }

        if (!string.IsNullOrWhiteSpace(hotline))
        {
            lines.Add($"预约电话：{hotline}");
        }

        return new LetterReminder("首次保养提醒", lines);
    }
}
