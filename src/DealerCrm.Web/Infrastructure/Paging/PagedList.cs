using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Infrastructure.Paging;

/// <summary>One page of a list, counted and cut in SQL.</summary>
public sealed class PagedList<T>
{
    public required IReadOnlyList<T> Items { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    public required int TotalCount { get; init; }

    /// <summary>The list was counted only up to a cap (a work queue): past it, the total is "more than".</summary>
    public bool TotalIsCapped { get; init; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

public static class PagingExtensions
{
    /// <summary>
    /// Fetches one page and counts the whole list in SQL; a page number past the end shows the last page.
    /// When the page is the list's last (it is not full), its rows tell the total and the COUNT is skipped:
    /// most searches find a handful of rows, and the count would cost as much as the page.
    /// </summary>
    public static Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken = default) =>
        LoadPageAsync(page, pageSize, (skip, take) => query.Skip(skip).Take(take).ToListAsync(cancellationToken), () => query.CountAsync(cancellationToken));

    /// <summary>The same for a list read by other means (a compiled query): <paramref name="fetch"/> reads (skip, take) rows.</summary>
    public static async Task<PagedList<T>> LoadPageAsync<T>(int page, int pageSize, Func<int, int, Task<List<T>>> fetch, Func<Task<int>> count)
    {
        page = Math.Max(page, 1);
        var items = await fetch((page - 1) * pageSize, pageSize);
        if ((items.Count > 0 && items.Count < pageSize) || (items.Count == 0 && page == 1))
        {
            return new PagedList<T> { Items = items, Page = page, PageSize = pageSize, TotalCount = ((page - 1) * pageSize) + items.Count };
        }

        var total = await count();
        var lastPage = Math.Max(1, (total + pageSize - 1) / pageSize);
        if (page > lastPage)
        {
            page = lastPage;
            items = await fetch((page - 1) * pageSize, pageSize);
        }

        return new PagedList<T> { Items = items, Page = page, PageSize = pageSize, TotalCount = total };
    }
}
