namespace DealerCrm.Domain.Letters;

/// <summary>The dealership's letterhead: name, address, hotline and an optional PNG or JPEG logo.</summary>
public sealed record DealershipLetterhead(string Name, string Address, string Hotline)
{
    /// <summary>The encoded logo (PNG or JPEG); empty for none.</summary>
    public ReadOnlyMemory<byte> Logo { get; init; }

    /// <summary>地址：…, as printed under the name.</summary>
    public string AddressLine => string.IsNullOrWhiteSpace(Address) ? string.Empty : "地址：" + Address.Trim();

    /// <summary>服务热线：…, as printed under the name.</summary>
    public string HotlineLine => string.IsNullOrWhiteSpace(Hotline) ? string.Empty : "服务热线：" + Hotline.Trim();
}

/// <summary>
/// Who signs the letter by hand: printed as 销售顾问：吴婷婷 with a line to sign on beneath, above
/// the dealership's name and date (where the company seal is stamped).
/// </summary>
public sealed record LetterSignatory(string Role, string Name)
{
    /// <summary>The label before the line to sign on.</summary>
    public const string SignHere = "签名：";

    /// <summary>销售顾问：吴婷婷.</summary>
    public string NameLine => $"{Role}：{Name}";
}

/// <summary>A boxed reminder under the letter, e.g. 首次保养提醒 with the date and mileage.</summary>
public sealed record LetterReminder(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// A letter ready to print, independent of the drawing library (Skia today, QuestPDF maybe
/// later). Every string is final text: no placeholders remain.
/// </summary>
/// <param name="Letterhead">Printed at the top of the page.</param>
/// <param name="DateLine">The letter's date (2026年11月23日), right-aligned under the letterhead.</param>
/// <param name="Salutation">尊敬的王先生：, flush left.</param>
/// <param name="BodyParagraphs">Justified paragraphs, first line indented by two characters.</param>
/// <param name="ClosingLines">
/// The Chinese closing: the first line (此致) indented by two characters, the next (敬礼！) flush
/// left, as Chinese letters write them.
/// </param>
/// <param name="SignatureLines">Right-aligned under the closing: the dealership's name, the date.</param>
/// <param name="Reminder">An optional boxed reminder at the foot of the letter.</param>
/// <param name="Signatory">The person who signs, with a line to sign on; room is left for the company seal either way.</param>
public sealed record LetterDocument(
    DealershipLetterhead Letterhead,
    string DateLine,
    string Salutation,
    IReadOnlyList<string> BodyParagraphs,
    IReadOnlyList<string> ClosingLines,
    IReadOnlyList<string> SignatureLines,
    LetterReminder? Reminder = null,
    LetterSignatory? Signatory = null)
{
    /// <summary>Every piece of text of the letter, in reading order (for font subsetting and search).</summary>
    public IEnumerable<string> AllText()
    {
        yield return Letterhead.Name;
        yield return Letterhead.AddressLine;
        yield return Letterhead.HotlineLine;
        yield return DateLine;
        yield return Salutation;
        foreach (var text in BodyParagraphs.Concat(ClosingLines))
        {
            yield return text;
        }

        if (Signatory is not null)
        {
            yield return Signatory.NameLine;
            yield return LetterSignatory.SignHere;
        }

        foreach (var text in SignatureLines)
        {
            yield return text;
        }

        if (Reminder is not null)
        {
            yield return Reminder.Title;
            foreach (var line in Reminder.Lines)
            {
                yield return line;
            }
        }
    }
}
