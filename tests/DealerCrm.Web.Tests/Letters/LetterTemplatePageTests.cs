using System.Net;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Domain.Letters;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.FollowUps;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.Letters;

/// <summary>
/// The administrator's letter template page: refused templates (unknown placeholder, more than a
/// page) keep what was typed; a saved template is what the next letter says; preview; admins only.
/// Saving changes every letter, so this class has a factory of its own.
/// </summary>
public sealed class LetterTemplatePageTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    private const string Url = "/Admin/LetterTemplate";

    [Theory]
    [InlineData(Roles.SalesManager)]
    [InlineData(Roles.CsDirector)]
    [InlineData(Roles.Salesperson)]
    [InlineData(Roles.GeneralManager)]
    public async Task Only_the_administrator_edits_the_template(string role)
    {
        using var client = await SiteClient.SignedInAsync(factory, role);
        var token = await TokenAsync(client);
        using var page = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        foreach (var handler in new[] { "Save", "Preview", "Reset" })
        {
            using var post = await client.PostWithTokenAsync($"{Url}?handler={handler}", new() { ["Body"] = "谢谢{客户姓名}", ["Version"] = "0" }, token);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.False(await factory.WithDbAsync(db => db.LetterTemplates.AnyAsync(t => t.Body == "谢谢{客户姓名}")));
    }

    [Fact]
    public async Task An_unknown_placeholder_is_refused_in_Chinese_and_the_typed_template_is_kept()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var typed = LetterTemplate.DefaultThankYouTemplate + "\n您的车牌号是{车牌号}，请妥善保管行驶证。";

        using var response = await admin.PostFormAsync(Url, new() { ["Body"] = typed, ["Version"] = "0" }, $"{Url}?handler=Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("模板中有无法识别的占位符或括号不成对：{车牌号}", Inner(html, "template-error"));
        Assert.Equal(typed, Html.TextAreaValue(html, "Body"));
        Assert.Contains("is-invalid", html, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.LetterTemplates.AnyAsync(t => t.Body.Contains("车牌号"))));
    }

    [Fact]
    public async Task A_template_too_long_for_one_page_is_refused_and_kept()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var typed = string.Join("\n", Enumerable.Repeat(LetterTemplate.DefaultThankYouTemplate, 5));

        using var response = await admin.PostFormAsync(Url, new() { ["Body"] = typed, ["Version"] = "0" }, $"{Url}?handler=Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("模板内容超出一页 A4，请精简正文。", Html.Section(html, "template-error"), StringComparison.Ordinal);
        Assert.Equal(typed, Html.TextAreaValue(html, "Body"));
        Assert.False(await factory.WithDbAsync(db => db.LetterTemplates.AnyAsync(t => t.Body == typed)));

        // The preview refuses it the same way, rather than printing two pages.
        using var preview = await admin.PostFormAsync(Url, new() { ["Body"] = typed, ["Version"] = "0" }, $"{Url}?handler=Preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("模板内容超出一页 A4，请精简正文。", Html.Section(await preview.Content.ReadAsStringAsync(), "template-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_is_a_one_page_pdf_of_the_typed_template()
    {
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var typed = "感谢{称呼}选购{车型}，这是预览专用的一句话。";

        using var response = await admin.PostFormAsync(Url, new() { ["Body"] = typed, ["Version"] = "0" }, $"{Url}?handler=Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("inline", "感谢信预览.pdf"), (response.Content.Headers.ContentDisposition!.DispositionType, response.Content.Headers.ContentDisposition.FileNameStar));
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Compact(Assert.Single(pdf.GetPages()).Text);
        Assert.Contains("感谢欧阳女士选购", text, StringComparison.Ordinal);
        Assert.Contains("这是预览专用的一句话。", text, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.LetterTemplates.AnyAsync(t => t.Body == typed)));
    }

    [Fact]
    public async Task A_saved_template_is_what_the_next_letter_says_and_reset_brings_the_default_back()
    {
        var salespersonId = await CustomerTestData.UserIdAsync(factory, "salesperson");
        var delivery = await DeliverAsync(factory, "李春燕", salespersonId, factory.Clock.LocalNow.AddHours(-3), model: "赛那", gender: Domain.Customers.Gender.Female);
        await factory.RunJobAsync();
        using var admin = await SiteClient.SignedInAsync(factory, Roles.Admin);
        var form = await admin.GetHtmlAsync(Url);
        Assert.Equal(LetterTemplate.DefaultThankYouTemplate, Html.TextAreaValue(form, "Body").ReplaceLineEndings("\n"));
        var typed = LetterTemplate.DefaultThankYouTemplate + "\n特别感谢{客户姓名}一家对{销售顾问}工作的认可。";

        using (var saved = await admin.PostWithTokenAsync($"{Url}?handler=Save", new() { ["Body"] = typed, ["Version"] = Html.InputValue(form, "Version")! },
                   SiteClient.AntiforgeryToken(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var after = await FollowAsync(admin, saved);
            Assert.Equal("感谢信模板已保存。", Flash(after));
            Assert.Equal(typed, Html.TextAreaValue(after, "Body"));
            Assert.Contains("admin", Html.Text(after), StringComparison.Ordinal);
        }

        var stored = await factory.WithDbAsync(db => db.LetterTemplates.SingleAsync());
        Assert.Equal(("admin", typed), (stored.UpdatedBy, stored.Body));

        using var salesperson = await SiteClient.SignedInAsync(factory, Roles.Salesperson);
        var text = await LetterTextAsync(salesperson, delivery.Delivery.Id);
        Assert.Contains("特别感谢李春燕一家对吴婷婷工作的认可。", text, StringComparison.Ordinal);
        Assert.Contains("尊敬的李女士：", text, StringComparison.Ordinal);
        Assert.Contains("丰田赛那", text, StringComparison.Ordinal);

        // A second edit from the page as it now stands; then back to the default.
        var current = await admin.GetHtmlAsync(Url);
        using (var reset = await admin.PostWithTokenAsync($"{Url}?handler=Reset", new() { ["Body"] = "", ["Version"] = Html.InputValue(current, "Version")! },
                   SiteClient.AntiforgeryToken(current)))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        Assert.Equal(LetterTemplate.DefaultThankYouTemplate, (await factory.WithDbAsync(db => db.LetterTemplates.SingleAsync())).Body);
        Assert.DoesNotContain("特别感谢", await LetterTextAsync(salesperson, delivery.Delivery.Id), StringComparison.Ordinal);
        Assert.Equal(2, (await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.ThankYouLetter)).Log.Count(e => e.Action == FollowUpAction.LetterPrinted));
    }

    private static async Task<string> LetterTextAsync(SiteClient client, int deliveryId)
    {
        using var response = await client.GetAsync($"/Letters/ThankYou/{deliveryId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return Compact(Assert.Single(pdf.GetPages()).Text);
    }

    private static string Inner(string html, string testId) => Html.TextOf(html, testId);

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
