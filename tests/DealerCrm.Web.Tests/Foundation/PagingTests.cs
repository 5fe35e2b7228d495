using DealerCrm.Web.Infrastructure.Paging;
using DealerCrm.Web.Tests.Customers;
using Microsoft.EntityFrameworkCore;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>One page of a list, on the real database: the total from the page itself when it is the last, else from COUNT.</summary>
public sealed class PagingTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Theory]
    [InlineData(0, 1, 0, 1, 0)]    // nothing: page 1, empty
    [InlineData(7, 1, 7, 1, 7)]    // a short first page is the whole list
    [InlineData(20, 1, 20, 1, 20)] // a full page: counted, not guessed (there might be more)
    [InlineData(45, 2, 45, 2, 20)] // a full middle page
    [InlineData(45, 3, 45, 3, 5)]  // the short last page
    [InlineData(45, 9, 45, 3, 5)]  // past the end: the last page
    [InlineData(40, 3, 40, 2, 20)] // past the end of an exact multiple
    public async Task A_page_has_the_right_rows_and_total(int rows, int asked, int total, int shown, int onPage)
    {
        var ids = await factory.WithDbAsync(db => db.Customers.OrderBy(c => c.Id).Select(c => c.Id).Take(rows).ToListAsync());
        Assert.Equal(rows, ids.Count);

        var page = await factory.WithDbAsync(db => db.Customers.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id).ToPagedListAsync(asked, 20));

        Assert.Equal((total, shown, onPage), (page.TotalCount, page.Page, page.Items.Count));
        Assert.Equal(ids.Skip((shown - 1) * 20).Take(20), page.Items);
    }
}
