using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Letters;

namespace DealerCrm.Domain.Tests.Letters;

public sealed class ThankYouLetterComposerTests
{
    private static readonly DateOnly Delivery = new(2026, 11, 23);

    private static readonly DealershipLetterhead Head =
        new("华南之星汽车销售服务有限公司", "广州市天河区黄埔大道西668号", "020-8888-6666");

    private static readonly ThankYouLetterFacts WangWei = new(
        CustomerName: "王伟",
        CustomerGender: Gender.Male,
        IsCompany: false,
        KeyContactName: null,
        KeyContactGender: Gender.Unknown,
        VehicleModel: "比亚迪 汉 EV",
        DeliveryDate: Delivery,
        SalespersonName: "吴婷婷",
        SalespersonPhone: "138-2233-4455",
        ServiceHotline: "020-8888-6666",
        FirstMaintenanceDate: new DateOnly(2027, 5, 23),
        FirstMaintenanceMileageKm: 5000,
        LetterDate: new DateOnly(2026, 11, 24));

    private static string Body(LetterDocument letter) => string.Concat(letter.BodyParagraphs);

    [Fact]
    public void The_letter_carries_the_facts_in_Chinese_formats()
    {
        var letter = ThankYouLetterComposer.Compose(WangWei, LetterTemplate.DefaultThankYouTemplate, Head);

        Assert.Same(Head, letter.Letterhead);
        Assert.Equal("2026年11月24日", letter.DateLine);
        Assert.Equal("尊敬的王先生：", letter.Salutation);
        var body = Body(letter);
        Assert.Contains("于2026年11月23日喜提爱车比亚迪 汉 EV！", body, StringComparison.Ordinal);
        Assert.Contains("吴婷婷", body, StringComparison.Ordinal);
        Assert.Contains("138-2233-4455", body, StringComparison.Ordinal);
        Assert.Contains("020-8888-6666", body, StringComparison.Ordinal);
        Assert.Contains("2027年5月23日之前", body, StringComparison.Ordinal);
        Assert.Contains("5000公里", body, StringComparison.Ordinal);
        Assert.Equal(["此致", "敬礼！"], letter.ClosingLines);
        Assert.Equal(["华南之星汽车销售服务有限公司", "2026年11月24日"], letter.SignatureLines);
        // The salesperson signs by hand, above the dealership's name where the seal goes.
        Assert.Equal("销售顾问：吴婷婷", letter.Signatory!.NameLine);
        Assert.Contains("销售顾问：吴婷婷", letter.AllText());
        Assert.Contains("签名：", letter.AllText());
    }

    [Fact]
    public void No_placeholder_survives_in_any_text_of_the_letter()
    {
        var letter = ThankYouLetterComposer.Compose(WangWei, LetterTemplate.DefaultThankYouTemplate, Head);

        Assert.All(letter.AllText(), text => Assert.DoesNotContain('{', text));
        Assert.All(letter.AllText(), text => Assert.DoesNotContain('}', text));
    }

    [Fact]
    public void The_reminder_box_repeats_the_first_maintenance_date_and_mileage()
    {
        var reminder = ThankYouLetterComposer.Compose(WangWei, LetterTemplate.DefaultThankYouTemplate, Head).Reminder;

        Assert.NotNull(reminder);
        Assert.Equal("首次保养提醒", reminder.Title);
        Assert.Equal(["车主：王伟", "车型：比亚迪 汉 EV", "首保日期：2027年5月23日之前", "首保里程：行驶至5000公里（以先到者为准）", "预约电话：020-8888-6666"], reminder.Lines);
    }

    [Fact]
    public void A_missing_first_maintenance_date_and_mileage_read_sensibly()
    {
        var facts = WangWei with { FirstMaintenanceDate = null, FirstMaintenanceMileageKm = null };

        var letter = ThankYouLetterComposer.Compose(facts, LetterTemplate.DefaultThankYouTemplate, Head);

        var body = Body(letter);
        Assert.Contains("请您在保养手册规定的日期之前或行驶里程达到保养手册规定的里程时", body, StringComparison.Ordinal);
        Assert.DoesNotContain("首保日期}", body, StringComparison.Ordinal);
        // The service card still says whose car it is, and where to look for the first maintenance.
        Assert.Equal(["车主：王伟", "车型：比亚迪 汉 EV", "首保：保养手册规定的日期或保养手册规定的里程", "预约电话：020-8888-6666"], letter.Reminder!.Lines);
    }

    [Fact]
    public void Only_the_mileage_known_gives_a_reminder_without_a_date()
    {
        var facts = WangWei with { FirstMaintenanceDate = null, FirstMaintenanceMileageKm = 7500 };

        var letter = ThankYouLetterComposer.Compose(facts, LetterTemplate.DefaultThankYouTemplate, Head);

        Assert.Contains("保养手册规定的日期之前或行驶里程达到7500公里时", Body(letter), StringComparison.Ordinal);
        Assert.Equal(["车主：王伟", "车型：比亚迪 汉 EV", "首保里程：行驶至7500公里", "预约电话：020-8888-6666"], letter.Reminder!.Lines);
    }

    [Fact]
    public void A_company_customer_is_addressed_through_its_key_contact()
    {
        var facts = WangWei with
        {
            CustomerName = "广州顺达物流有限公司",
            CustomerGender = Gender.Unknown,
            IsCompany = true,
            KeyContactName = "陈晓东",
            KeyContactGender = Gender.Male,
        };

        var letter = ThankYouLetterComposer.Compose(facts, "{客户姓名}的{称呼}您好。", Head);

        Assert.Equal("尊敬的陈先生：", letter.Salutation);
        Assert.Equal(["广州顺达物流有限公司的陈先生您好。"], letter.BodyParagraphs);
    }

    [Fact]
    public void A_company_without_a_key_contact_is_addressed_by_its_name()
    {
        var facts = WangWei with { CustomerName = "广州顺达物流有限公司", IsCompany = true, KeyContactName = null };

        Assert.Equal("尊敬的广州顺达物流有限公司：", ThankYouLetterComposer.Compose(facts, "谢谢。", Head).Salutation);
    }

    [Fact]
    public void Unknown_gender_gives_the_generic_salutation()
    {
        var facts = WangWei with { CustomerGender = Gender.Unknown };

        Assert.Equal("尊敬的客户：", ThankYouLetterComposer.Compose(facts, "谢谢。", Head).Salutation);
    }

    [Fact]
    public void A_salesperson_without_a_phone_is_reached_through_the_hotline()
    {
        var facts = WangWei with { SalespersonPhone = " " };

        var letter = ThankYouLetterComposer.Compose(facts, "请致电{销售顾问电话}。", Head);

        Assert.Equal(["请致电020-8888-6666。"], letter.BodyParagraphs);
    }

    [Fact]
    public void A_template_with_problems_is_refused() =>
        Assert.Throws<ArgumentException>(() => ThankYouLetterComposer.Compose(WangWei, "{客户名}您好", Head));

    [Theory]
    [InlineData(2026, 1, 5, "2026年1月5日")]
    [InlineData(2026, 11, 23, "2026年11月23日")]
    public void Dates_are_written_the_Chinese_way(int year, int month, int day, string expected) =>
        Assert.Equal(expected, ThankYouLetterComposer.FormatDate(new DateOnly(year, month, day)));

    [Fact]
    public void Mileage_is_written_in_kilometres() =>
        Assert.Equal("5000公里", ThankYouLetterComposer.FormatMileage(5000));

    [Fact]
    public void The_letterhead_lines_carry_their_labels()
    {
        Assert.Equal("地址：广州市天河区黄埔大道西668号", Head.AddressLine);
        Assert.Equal("服务热线：020-8888-6666", Head.HotlineLine);
        Assert.Equal(string.Empty, (Head with { Address = " " }).AddressLine);
    }
}
