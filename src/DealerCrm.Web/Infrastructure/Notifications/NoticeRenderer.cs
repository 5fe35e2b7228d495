using DealerCrm.Domain.Notifications;
using Microsoft.Extensions.Localization;

namespace DealerCrm.Web.Infrastructure.Notifications;

/// <summary>A notice's text in the reader's language: its key and every nested argument localized.</summary>
public sealed class NoticeRenderer(IStringLocalizer<SharedResource> l)
{
    public string Render(NoticeText text) => l[text.Key, text.Args.Select(Render).ToArray<object>()].Value;

    private string Render(NoticeArg arg) =>
        arg.Literal ?? (arg.Text is { } text ? Render(text) : string.Join(l["Notifications.ListSeparator"].Value, (arg.List ?? []).Select(Render)));
}
