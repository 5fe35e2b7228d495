
namespace DealerCrm.Web.Infrastructure.Paging;

/// <summary>What the _Pager partial needs from any PagedList.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount)
{
    public static PagerModel Of<T>(PagedList<T> list) => new(list.Page, list.PageCount, list.TotalCount);
}
