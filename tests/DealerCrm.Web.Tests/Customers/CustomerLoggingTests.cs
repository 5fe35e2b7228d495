using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>
/// No personal data in logs: a searched phone number never reaches the log file whole. Runs in
/// parallel with the other classes: each site has its own Serilog logger (not the static one,
/// see LoggingSetup) writing to the log folder of its own data directory.
/// </summary>
public sealed class CustomerLoggingTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Fact]
    public async Task Searching_a_whole_mobile_does_not_put_it_in_the_log_file()
    {
        var target = await factory.WithDbAsync(db => db.Customers.Where(c => c.Mobile != null).OrderBy(c => c.Id).Skip(17).FirstAsync());
        var mobile = target.Mobile!;
        using var client = await SiteClient.SignedInAsync(factory, Roles.ServiceAdvisor);

        Assert.Contains($"/Customers/{target.Id}\"", await client.GetHtmlAsync("/Customers?q=" + mobile));
        Assert.Contains($"/Customers/{target.Id}\"", await client.GetHtmlAsync("/Customers?q=" + Uri.EscapeDataString($"{mobile[..3]} {mobile[3..7]} {mobile[7..]}")));

        // A line written after the searches through the site's own logging. It carries the number
        // too, and must be masked. No waiting: the file sink writes and flushes each event before
        // the logging call returns (no async sink), and a search's request line is written before
        // its response body completes, so one read now sees every line of the searches and the marker.
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        factory.Services.GetRequiredService<ILogger<CustomerLoggingTests>>().LogWarning("{Marker}: searched for customer {Mobile}", marker, mobile);
        var log = ReadLog();

        Assert.Contains($"{marker}: searched for customer {PhoneMask.Mask(mobile)}", log);
        Assert.True(log.Split("HTTP GET /Customers responded 200").Length - 1 >= 2, "the searches' request lines are missing");
        Assert.DoesNotContain(mobile, log, StringComparison.Ordinal);
        Assert.DoesNotContain(mobile[3..7] + " " + mobile[7..], log, StringComparison.Ordinal);
    }

    /// <summary>The site's log files (DataDirectory/logs), read while the site may still write to them.</summary>
    private string ReadLog()
    {
        var folder = Path.Combine(factory.DataDirectory, "logs");
        return Directory.Exists(folder)
            ? string.Join("\n", Directory.EnumerateFiles(folder).Select(path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }))
            : "";
    }
}
