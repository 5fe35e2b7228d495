using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>
/// Runs alone, after the parallel tests: the site logs through Serilog's static logger, which the
/// last site started in this process owns and the first one disposed silences, so a log file is
/// only this site's own while no other site runs.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>No personal data in logs: a searched phone number never reaches the log file whole.</summary>
[Collection(nameof(RunsAlone))]
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

        // A line written after the searches through the site's own logging: once it is in the
        // file, so is everything the searches wrote. It carries the number too, and must be masked.
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        factory.Services.GetRequiredService<ILogger<CustomerLoggingTests>>().LogWarning("{Marker}: searched for customer {Mobile}", marker, mobile);
        var log = "";
        for (var i = 0; i < 50 && !log.Contains(marker, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            log = ReadLog();
        }

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
