
namespace DealerCrm.Web.Infrastructure.Paging;

/// <summary>What the _Pager partial needs from any PagedList.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, bool TotalIsCapped = false)
{
    public static PagerModel Of<T>(PagedList<T> list) => new(list.Page, list.PageCount, list.TotalCount, list.TotalIsCapped);

    /// <summary>The total as shown: "99+" for a list counted only up to <see cref="Navigation.CappedCount.Limit"/>.</summary>
    public string Total => TotalIsCapped ? Navigation.CappedCount.Show(TotalCount) : TotalCount.ToString(System.Globalization.CultureInfo.CurrentCulture);
}
