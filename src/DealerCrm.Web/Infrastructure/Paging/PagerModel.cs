namespace DealerCrm.Web.Infrastructure.Paging;

/// <summary>What the _Pager partial needs from any PagedList; with <see cref="Sizes"/> it offers a page size too.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, bool TotalIsCapped = false, int PageSize = 0, IReadOnlyList<int>? Sizes = null)
{
    public static PagerModel Of<T>(PagedList<T> list) => new(list.Page, list.PageCount, list.TotalCount, list.TotalIsCapped, list.PageSize);

    /// <summary>The same, letting the reader choose how many rows a page shows ("size" in the URL).</summary>
    public static PagerModel WithSizes<T>(PagedList<T> list) => Of(list) with { Sizes = PageSizes.Standard };

    /// <summary>The total as shown: "99+" for a list counted only up to <see cref="Navigation.CappedCount.Limit"/>.</summary>
    public string Total => TotalIsCapped ? Navigation.CappedCount.Show(TotalCount) : TotalCount.ToString(System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The numbered pages to link: the first, the last, and two either side of this one; null marks a gap.</summary>
    public IReadOnlyList<int?> Numbers()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, Page - 2); p <= Math.Min(PageCount, Page + 2); p++)
        {
            shown.Add(p);
        }

        var numbers = new List<int?>();
        var previous = 0;
        foreach (var p in shown)
        {
            if (p - previous > 1)
            {
                numbers.Add(null);
            }

            numbers.Add(p);
            previous = p;
        }

        return numbers;
    }
}
