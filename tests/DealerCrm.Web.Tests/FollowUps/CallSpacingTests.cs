using System.Net;
using DealerCrm.Domain.FollowUps;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using static DealerCrm.Web.Tests.FollowUps.FollowUpTestData;

namespace DealerCrm.Web.Tests.FollowUps;

/// <summary>
/// Tries are spaced: after "not reached" the next try waits for the retry time, so three tries
/// cannot be spent in a minute; a manager of the task's pool may call earlier, with a reason.
/// </summary>
public sealed class CallSpacingTests(FollowUpFactory factory) : IClassFixture<FollowUpFactory>
{
    [Fact]
    public async Task A_second_try_before_the_retry_time_is_refused_saying_when_with_what_was_typed_kept()
    {
        var delivery = await DeliverAsync(factory, "连拨客户", await CustomerTestData.UserIdAsync(factory, "salesperson"), factory.Clock.LocalNow.AddDays(-8));
        await factory.RunJobAsync();
        var second = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.SecondCall);
        using var salesperson = await factory.SignInAsync("salesperson");

        Assert.Equal(HttpStatusCode.Redirect, (await CallAsync(salesperson, second.Id, "第一次无人接听")).StatusCode);
        var retryAt = (await TaskAsync(factory, second.Id)).ActionableFromUtc;

        using var again = await CallAsync(salesperson, second.Id, "马上再拨一次");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.Content.ReadAsStringAsync();
        Assert.Contains($"该任务已安排在 {Shown(factory.Clock.ToLocal(retryAt))} 再拨，届时才能记录下一次拨打。", Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("马上再拨一次", page, StringComparison.Ordinal);
        Assert.Equal(1, (await TaskAsync(factory, second.Id)).Attempts);

        // At the retry time the try goes through.
        factory.Advance(retryAt - factory.Time.GetUtcNow().UtcDateTime);
        using var nextDay = await factory.SignInAsync("salesperson");
        Assert.Equal(HttpStatusCode.Redirect, (await CallAsync(nextDay, second.Id, "第二次无人接听")).StatusCode);
        Assert.Equal(2, (await TaskAsync(factory, second.Id)).Attempts);
    }

    [Fact]
    public async Task A_manager_may_try_earlier_with_a_reason_which_the_log_keeps()
    {
        var delivery = await DeliverAsync(factory, "经理提前拨打客户", await CustomerTestData.UserIdAsync(factory, "salesperson"), factory.Clock.LocalNow.AddDays(-2));
        await factory.RunJobAsync();
        var first = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.FirstCall);
        using var manager = await factory.SignInAsync("salesmanager");
        var claimPage = await manager.GetHtmlAsync($"/FollowUps/{first.Id}");
        await manager.PostWithTokenAsync($"/FollowUps/{first.Id}?handler=Claim", new(), SiteClient.AntiforgeryToken(claimPage));
        Assert.Equal(HttpStatusCode.Redirect, (await CallAsync(manager, first.Id, "无人接听")).StatusCode);

        using var withoutReason = await CallAsync(manager, first.Id, "客户刚回电");
        Assert.Contains("如需提前拨打，请填写原因。", Html.Text(await withoutReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var withReason = await CallAsync(manager, first.Id, "客户刚回电", earlyReason: "客户主动来电要求立即回拨");
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var task = await TaskAsync(factory, first.Id);
        Assert.Equal(2, task.Attempts);
        var early = Assert.Single(task.Log, e => e.Action == FollowUpAction.EarlyCallAllowed);
        Assert.Equal("客户主动来电要求立即回拨", early.Note);
    }

    [Theory]
    [InlineData(91)]
    [InlineData(2_900_000)]
    public async Task A_call_back_agreed_too_far_ahead_is_refused_with_the_limit_and_the_time_kept(int daysAhead)
    {
        var delivery = await DeliverAsync(factory, $"远期回拨客户{daysAhead}", await CustomerTestData.UserIdAsync(factory, "salesperson"), factory.Clock.LocalNow.AddDays(-8));
        await factory.RunJobAsync();
        var second = await TaskOfAsync(factory, delivery.Customer.Id, FollowUpKind.SecondCall);
        using var salesperson = await factory.SignInAsync("salesperson");
        var page = await salesperson.GetHtmlAsync($"/FollowUps/{second.Id}");
        var when = daysAhead > 100_000 ? "9999-12-31T10:00" : LocalField(factory.Clock.LocalNow.AddDays(daysAhead));

        using var response = await salesperson.PostWithTokenAsync($"/FollowUps/{second.Id}?handler=Call",
            CallPageTests.CallForm(int.Parse(Html.InputValue(page, "Input.Version")!, System.Globalization.CultureInfo.InvariantCulture), CallOutcome.CallBackLater, new Dictionary<int, string>(), callBackAt: when),
            SiteClient.AntiforgeryToken(page));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("约定回拨时间不能晚于 90 天以后。", Html.FieldError(html, "Input.CallBackAt"));
        Assert.Equal(when, Html.InputValue(html, "Input.CallBackAt"));
        Assert.Equal(FollowUpStatus.Open, (await TaskAsync(factory, second.Id)).Status);
    }

    private static async Task<HttpResponseMessage> CallAsync(SiteClient client, long taskId, string notes, string? earlyReason = null)
    {
        var page = await client.GetHtmlAsync($"/FollowUps/{taskId}");
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = Html.InputValue(page, "Input.Version")!,
            ["Input.Outcome"] = nameof(CallOutcome.NotReached),
            ["Input.Notes"] = notes,
        };
        if (earlyReason is not null)
        {
            fields["Input.EarlyReason"] = earlyReason;
        }

        return await client.PostWithTokenAsync($"/FollowUps/{taskId}?handler=Call", fields, SiteClient.AntiforgeryToken(page));
    }
}
