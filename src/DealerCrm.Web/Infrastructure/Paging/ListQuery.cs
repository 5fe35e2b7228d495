namespace DealerCrm.Web.Infrastructure.Paging;

/// <summary>The page sizes a list offers ("size" in the URL); anything else falls back to the list's own size.</summary>
public static class PageSizes
{
    public static IReadOnlyList<int> Standard { get; } = [20, 50, 100];

    public static int Pick(int? asked, int fallback) => asked is { } size && Standard.Contains(size) ? size : fallback;
}

/// <summary>
/// A list's sort as the URL carries it: "sort=due" ascending, "sort=-due" descending. The page
/// names the keys it can sort by (each an indexed or cheap ORDER BY in SQL); anything else is its default.
/// </summary>
public sealed record SortOrder(string Key, bool Descending)
{
    public static SortOrder Parse(string? value, IReadOnlyCollection<string> keys, SortOrder fallback)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        var descending = value.StartsWith('-');
        var key = descending ? value[1..] : value;
        return keys.Contains(key) ? new SortOrder(key, descending) : fallback;
    }

    public override string ToString() => (Descending ? "-" : "") + Key;
}

/// <summary>A sortable column heading: its key, its label, and the list's current sort.</summary>
public sealed record SortHeader(string Key, string Label, SortOrder Current, string? CssClass = null)
{
    public bool Active => Current.Key == Key;

    /// <summary>The sort a click asks for: this column ascending, or the other way round when it is already the sort.</summary>
    public SortOrder Next => new(Key, Active && !Current.Descending);

    public string? AriaSort => Active ? (Current.Descending ? "descending" : "ascending") : null;
}

/// <summary>Links that change one thing in the list's URL and keep every filter; a new sort or size starts at page 1.</summary>
public static class ListLinks
{
    public static string With(HttpRequest request, string key, string value, bool resetPage = true)
    {
        var query = request.Query.Where(q => q.Key != key && !(resetPage && q.Key == "p")).ToDictionary(q => q.Key, q => q.Value);
        query[key] = value;
        return request.Path + QueryString.Create(query);
    }
}
