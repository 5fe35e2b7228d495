using System.Globalization;
using System.Net;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Infrastructure.Validation;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// One style for Chinese validation messages: FluentValidation's built-in ones speak like the
/// pages' own ("请填写新密码。"), with the field's label and no ASCII quotes.
/// </summary>
public sealed class ValidationStyleTests(DealerCrmFactory factory) : IClassFixture<DealerCrmFactory>
{
    [Fact]
    public void The_built_in_messages_read_in_the_house_style_in_Chinese_and_stay_as_they_are_in_English()
    {
        var manager = new HouseLanguageManager();
        var chinese = CultureInfo.GetCultureInfo("zh-CN");

        Assert.Equal("请填写{PropertyName}。", manager.GetString("NotEmptyValidator", chinese));
        Assert.Equal("请填写{PropertyName}。", manager.GetString("NotNullValidator", chinese));
        foreach (var (key, _) in HouseLanguageManager.Chinese)
        {
            var message = manager.GetString(key, chinese);
            Assert.DoesNotContain('\'', message);
            Assert.DoesNotContain('"', message);
            Assert.StartsWith("{PropertyName}", message.Replace("请填写", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.EndsWith("。", message, StringComparison.Ordinal);
        }

        // FluentValidation's own Chinese would have quoted the field; English keeps its defaults.
        Assert.Contains('\'', new FluentValidation.Resources.LanguageManager().GetString("NotEmptyValidator", chinese));
        Assert.Equal("'{PropertyName}' must not be empty.", manager.GetString("NotEmptyValidator", CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task A_required_field_left_empty_says_please_fill_in_with_its_label()
    {
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "csagent").Select(u => u.Id).SingleAsync());
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);

        using var response = await admin.PostFormAsync($"/Admin/Users/ResetPassword/{id}", new()
        {
            ["Input.Password"] = "",
            ["Input.ConfirmPassword"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("请填写新密码。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'新密码'", html, StringComparison.Ordinal);
    }
}
