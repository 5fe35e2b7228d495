using System.Net;
using System.Text;
using DealerCrm.Domain.Customers;
using DealerCrm.Domain.Staff;
using DealerCrm.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DealerCrm.Web.Tests.Customers;

/// <summary>被遗忘权: anonymising a file erases the person from the database file, including every file merged into it.</summary>
public sealed class AnonymiseErasesPersonTests(SmallDemoFactory factory) : IClassFixture<SmallDemoFactory>
{
    [Fact]
    public async Task After_a_merge_anonymising_the_survivor_leaves_none_of_either_files_values_in_the_database_file()
    {
        var keptMobile = CustomerTestData.NewMobile();
        var twinMobile = CustomerTestData.NewMobile();
        var kept = await CustomerTestData.CreateCustomerAsync(factory, "遗忘保留甄士隐", mobile: keptMobile, birthday: new DateOnly(1963, 8, 17));
        var twin = await CustomerTestData.CreateCustomerAsync(factory, "遗忘并入贾雨村", mobile: twinMobile, birthday: new DateOnly(1957, 2, 28));
        await CustomerTestData.AddFamilyMemberAsync(factory, twin.Id, "遗忘家属封肃", null);
        using var director = await SiteClient.SignedInAsync(factory, Roles.CsDirector);

        using (var merged = await director.PostFormAsync($"/Customers/{kept.Id}/Merge?other={twin.Number}", new() { ["Input.Reason"] = "同一客户重复建档" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }

        using (var anonymised = await director.PostFormAsync($"/Customers/{kept.Id}/Anonymise",
            new() { ["Input.Reason"] = "客户书面要求删除个人信息", ["Input.ConfirmNumber"] = kept.Number }))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymised.StatusCode);
        }

        string[] forgotten =
        [
            "遗忘保留甄士隐", "遗忘并入贾雨村", "遗忘家属封肃",
            keptMobile, twinMobile, SearchKey.Reversed(keptMobile)!, SearchKey.Reversed(twinMobile)!,
            "1963-08-17", "1957-02-28",
        ];
        var bytes = await DatabaseBytesAsync();
        Assert.All(forgotten, value => Assert.True(
            bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) < 0, $"'{value}' is still in the database file"));
    }

    /// <summary>The database file and its WAL as bytes, after every connection is closed and the WAL checkpointed.</summary>
    private async Task<byte[]> DatabaseBytesAsync()
    {
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        var bytes = new List<byte>(await File.ReadAllBytesAsync(factory.DatabasePath));
        if (File.Exists(factory.DatabasePath + "-wal"))
        {
            bytes.AddRange(await File.ReadAllBytesAsync(factory.DatabasePath + "-wal"));
        }

        return bytes.ToArray();
    }
}
