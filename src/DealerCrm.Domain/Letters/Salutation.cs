using DealerCrm.Domain.Customers;

namespace DealerCrm.Domain.Letters;

/// <summary>
/// How a letter addresses its reader: 尊敬的王先生, 尊敬的李女士, 尊敬的欧阳女士; 尊敬的客户 when
/// the gender is unknown or the name is empty; a company by its key contact, else by its name.
/// </summary>
public static class Salutation
{
    public const string Honorific = "尊敬的";

    /// <summary>The addressee when nothing better is known: 客户.</summary>
    public const string GenericAddressee = "客户";

    /// <summary>Two-character surnames (复姓); every other surname is the first character.</summary>
    public static IReadOnlyList<string> CompoundSurnames { get; } =
    [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
        "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "申屠", "万俟",
        "闻人", "赫连",
    ];

    /// <summary>尊敬的王先生 / 尊敬的李女士 / 尊敬的客户.</summary>
    public static string For(string? name, Gender gender) => Honorific + Addressee(name, gender);

    /// <summary>
    /// A company customer: its key contact (尊敬的陈先生) when the contact's name and gender are
    /// known, otherwise the company itself (尊敬的广州顺达物流有限公司).
    /// </summary>
    public static string ForCompany(string? companyName, string? contactName, Gender contactGender) =>
        Honorific + CompanyAddressee(companyName, contactName, contactGender);

    /// <summary>The salutation without 尊敬的: 王先生, 李女士, or 客户.</summary>
    public static string Addressee(string? name, Gender gender)
    {
        var surname = Surname(name);
        return (surname.Length, gender) switch
        {
            ( > 0, Gender.Male) => surname + "先生",
            ( > 0, Gender.Female) => surname + "女士",
            _ => GenericAddressee,
        };
    }

    /// <summary>The company's addressee without 尊敬的 (see <see cref="ForCompany"/>).</summary>
    public static string CompanyAddressee(string? companyName, string? contactName, Gender contactGender)
    {
        if (!string.IsNullOrWhiteSpace(contactName) && contactGender != Gender.Unknown)
        {
            return Addressee(contactName, contactGender);
        }

        return string.IsNullOrWhiteSpace(companyName) ? GenericAddressee : companyName.Trim();
    }

    /// <summary>
    /// The surname of a name: the first two characters for a compound surname (欧阳娜娜 → 欧阳)
    /// when a given name follows, else the first character (王伟 → 王). A name written with a
    /// separating dot (阿依古丽·买买提) or in Latin letters has no Chinese surname: the whole
    /// name, or the last Latin word (John Smith → Smith), is used. Empty for an empty name.
    /// </summary>
    public static string Surname(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        if (trimmed.Contains('·', StringComparison.Ordinal) || trimmed.Contains('•', StringComparison.Ordinal))
        {
            return trimmed;
        }

        if (trimmed.All(c => c < 0x2E80))
        {
            // No CJK at all: a Latin name is addressed by its family name, conventionally written last.
            return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        }

        var characters = trimmed.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (characters.Count >= 3 && CompoundSurnames.Contains(characters[0] + characters[1]))
        {
            return characters[0] + characters[1];
        }

        return characters[0];
    }
}
