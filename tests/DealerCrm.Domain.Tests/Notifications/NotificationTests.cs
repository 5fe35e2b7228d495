using DealerCrm.Domain.Notifications;
using DealerCrm.Domain.Staff;

namespace DealerCrm.Domain.Tests.Notifications;

public sealed class NotificationTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_text_is_kept_as_a_key_with_arguments_nested_texts_and_lists_included()
    {
        var text = new NoticeText("Notifications.OverdueDigest",
        [
            NoticeArg.Of(4),
            NoticeArg.ListOf(
            [
                NoticeArg.Localized("Notifications.OverdueDigest.Person", "徐静", NoticeArg.Of(3)),
                NoticeArg.Localized("Notifications.OverdueDigest.Person", NoticeArg.Localized("FollowUps.Pool", NoticeArg.Localized("Role.CsAgent")), NoticeArg.Of(1)),
            ]),
        ]);

        var notice = Notification.ToRole(Roles.CsDirector, Now, NotificationKind.OverdueDigest, text, "/FollowUps/Overview", "OverdueDigest:2026-11-30:CsDirector");

        Assert.Equal("Notifications.OverdueDigest", notice.TextKey);
        Assert.Equal(text, notice.Text);
        Assert.Equal("徐静", notice.Text.Args[1].List![0].Text!.Args[0].Literal);
        Assert.Equal("Role.CsAgent", notice.Text.Args[1].List![1].Text!.Args[0].Text!.Args[0].Text!.Key);
        Assert.Null(notice.RecipientUserId);
        Assert.Equal(Roles.CsDirector, notice.RecipientRole);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("FollowUps/1")]
    public void A_notice_links_only_to_a_page_of_the_site(string link)
    {
        Assert.Throws<ArgumentException>(() => Notification.ToUser("u1", Now, NotificationKind.TaskReassigned, new NoticeText("K", []), link));
    }

    [Fact]
    public void A_notice_goes_to_a_user_or_to_a_known_role()
    {
        var toUser = Notification.ToUser("u1", Now, NotificationKind.TaskReassigned, new NoticeText("K", []), "/FollowUps/1");
        Assert.Equal(("u1", (string?)null), (toUser.RecipientUserId, toUser.RecipientRole));
        Assert.Throws<ArgumentException>(() => Notification.ToUser("", Now, NotificationKind.TaskReassigned, new NoticeText("K", []), "/FollowUps/1"));
        Assert.Throws<ArgumentException>(() => Notification.ToRole("Janitor", Now, NotificationKind.OverdueDigest, new NoticeText("K", []), "/FollowUps/1"));
    }
}
