using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Letters;

namespace DealerCrm.Domain.Tests.Letters;

public sealed class SalutationTests
{
    [Theory]
    [InlineData("王伟", Gender.Male, "尊敬的王先生")]
    [InlineData("李娜", Gender.Female, "尊敬的李女士")]
    [InlineData("王", Gender.Male, "尊敬的王先生")]
    [InlineData("欧阳娜娜", Gender.Female, "尊敬的欧阳女士")]
    [InlineData("司马光", Gender.Male, "尊敬的司马先生")]
    [InlineData("诸葛亮", Gender.Male, "尊敬的诸葛先生")]
    [InlineData("上官婉儿", Gender.Female, "尊敬的上官女士")]
    [InlineData("万俟卨", Gender.Male, "尊敬的万俟先生")]
    [InlineData("赫连勃勃", Gender.Male, "尊敬的赫连先生")]
    [InlineData("  张三  ", Gender.Male, "尊敬的张先生")]
    public void A_person_is_addressed_by_surname_and_title(string name, Gender gender, string expected) =>
        Assert.Equal(expected, Salutation.For(name, gender));

    [Theory]
    [InlineData("欧阳", Gender.Female, "尊敬的欧女士")]
    [InlineData("万里", Gender.Male, "尊敬的万先生")]
    [InlineData("东方", Gender.Male, "尊敬的东先生")]
    public void A_two_character_name_has_a_one_character_surname_even_if_it_looks_compound(string name, Gender gender, string expected) =>
        Assert.Equal(expected, Salutation.For(name, gender));

    [Theory]
    [InlineData("王伟", Gender.Unknown)]
    [InlineData("", Gender.Male)]
    [InlineData("   ", Gender.Female)]
    [InlineData(null, Gender.Male)]
    public void Unknown_gender_or_no_name_gives_the_generic_salutation(string? name, Gender gender) =>
        Assert.Equal("尊敬的客户", Salutation.For(name, gender));

    [Fact]
    public void Every_listed_compound_surname_is_recognised()
    {
        Assert.Equal(26, Salutation.CompoundSurnames.Count);
        Assert.All(Salutation.CompoundSurnames, surname => Assert.Equal(surname, Salutation.Surname(surname + "明")));
    }

    [Theory]
    [InlineData("阿依古丽·买买提", Gender.Female, "尊敬的阿依古丽·买买提女士")]
    [InlineData("John Smith", Gender.Male, "尊敬的Smith先生")]
    public void Names_without_a_Chinese_surname_are_used_whole_or_by_family_name(string name, Gender gender, string expected) =>
        Assert.Equal(expected, Salutation.For(name, gender));

    [Fact]
    public void A_company_is_addressed_through_its_key_contact_when_known() =>
        Assert.Equal("尊敬的陈先生", Salutation.ForCompany("广州顺达物流有限公司", "陈晓东", Gender.Male));

    [Theory]
    [InlineData(null, Gender.Male)]
    [InlineData("", Gender.Female)]
    [InlineData("陈晓东", Gender.Unknown)]
    public void A_company_without_a_usable_key_contact_is_addressed_by_name(string? contact, Gender gender) =>
        Assert.Equal("尊敬的广州顺达物流有限公司", Salutation.ForCompany("广州顺达物流有限公司", contact, gender));

    [Fact]
    public void A_company_without_a_name_or_contact_is_a_customer() =>
        Assert.Equal("尊敬的客户", Salutation.ForCompany(" ", null, Gender.Unknown));

    [Fact]
    public void The_addressee_is_the_salutation_without_the_honorific()
    {
        Assert.Equal("王先生", Salutation.Addressee("王伟", Gender.Male));
        Assert.Equal("客户", Salutation.Addressee("王伟", Gender.Unknown));
        Assert.Equal("广州顺达物流有限公司", Salutation.CompanyAddressee("广州顺达物流有限公司", null, Gender.Unknown));
    }
}
