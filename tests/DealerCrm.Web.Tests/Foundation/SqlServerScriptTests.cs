using DealerCrm.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>
/// No SQL Server runs on these machines, so production's idempotent migration script is at least
/// generated (no connection needed) and parsed by Microsoft's own T-SQL parser: a migration with
/// hand-written SQL that SQL Server would refuse fails here, not on the day of the upgrade.
/// </summary>
public sealed class SqlServerScriptTests
{
    [Fact]
    public void The_idempotent_sql_server_migration_script_parses_without_errors()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Not trivially empty: every migration is in it, each guarded by the history table.
        foreach (var table in new[] { "AspNetUsers", "Customers", "Vehicles", "FollowUpTasks", "LetterTemplates" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.All(db.Database.GetMigrations(), m => Assert.Contains($"N'{m}'", script, StringComparison.Ordinal));
        var (batches, errors) = Parse(script);
        Assert.True(errors.Count == 0, $"The SQL Server migration script has {errors.Count} parse errors:\n{Describe(errors, script)}");
        Assert.True(batches > db.Database.GetMigrations().Count(), $"Only {batches} batches were parsed.");
    }

    [Fact]
    public void The_parser_check_catches_a_broken_statement()
    {
        // The shape of EF's idempotent script, with a typo a hand-written migrationBuilder.Sql(...) could carry.
        const string broken = """
            IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'20990101000000_Broken')
            BEGIN
                CREATE TABLE [Broken] ([Id] int NOT NULL IDENTITY, CONSTRAINT [PK_Broken] PRIMARY KEY ([Id]);
            END;
            GO

            UPDATE [Customers] SET [Name] = N'x' WHER [Id] = 1;
            GO
            """;

        var (_, errors) = Parse(broken);

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Line == 3);
        Assert.Empty(Parse("CREATE TABLE [Fine] ([Id] int NOT NULL IDENTITY, CONSTRAINT [PK_Fine] PRIMARY KEY ([Id]));\nGO\n").Errors);
    }

    /// <summary>The newest T-SQL dialect the parser knows; GO separates batches as in sqlcmd.</summary>
    private static (int Batches, IList<ParseError> Errors) Parse(string script)
    {
        var parser = new TSql180Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment is TSqlScript parsed ? parsed.Batches.Count : 0, errors);
    }

    private static string Describe(IEnumerable<ParseError> errors, string script)
    {
        var lines = script.Split('\n');
        return string.Join("\n", errors.Select(e => $"  line {e.Line}, column {e.Column}: {e.Message}\n    {(e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1].Trim() : "")}"));
    }
}
