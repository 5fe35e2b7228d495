using System.Net.Http.Headers;
using DealerCrm.Domain.Common;
using DealerCrm.Web.Jobs;
using DealerCrm.Web.Tests.Customers;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DealerCrm.Web.Tests.Lounge;

/// <summary>The site with the lounge job's timer off: tests move the clock and run the job by hand.</summary>
public class LoungeFactory : DealerCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:" + LoungeJob.Name] = "false" };

    public DealershipClock Clock => Services.GetRequiredService<DealershipClock>();

    public async Task<LoungeJob.Result> RunJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LoungeJob>().RunOnceAsync(CancellationToken.None);
    }

    public Task<string> UserIdAsync(string login) => CustomerTestData.UserIdAsync(this, login);
}

/// <summary>Posting the sheet's forms as the tablet's script does (fetch, JSON answer) or as a plain form.</summary>
public static class LoungeForms
{
    public static Dictionary<string, string> Check(int itemId, string outcome, string? key = null, string? responsible = null, string? note = null, int? butts = null, bool cleaning = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.ItemId"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Outcome"] = outcome,
            ["Input.Cleaning"] = cleaning ? "true" : "false",
            ["Input.Key"] = key ?? Guid.NewGuid().ToString(),
        };
        if (responsible is not null)
        {
            fields["Input.ResponsibleUserId"] = responsible;
        }

        if (note is not null)
        {
            fields["Input.Note"] = note;
        }

        if (butts is { } b)
        {
            fields["Input.ButtCount"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fields;
    }

    public static Dictionary<string, string> Cleaning(int itemId, int? butts = null, string? key = null) => Check(itemId, "", key, butts: butts, cleaning: true);

    /// <summary>Posts like the tablet's script: the page's token in the form, Accept: application/json.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(SiteClient client, string handler, Dictionary<string, string> fields, (byte[] Bytes, string Name)? photo = null)
    {
        var token = SiteClient.AntiforgeryToken(await client.GetHtmlAsync("/Lounge"));
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (photo is { } p)
        {
            var file = new ByteArrayContent(p.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "Input.Photo", p.Name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Lounge?handler=" + handler) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await client.Http.SendAsync(request);
    }
}
