using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DealerCrm.Infrastructure.Data;

/// <summary>
/// Lets `dotnet ef` build each provider's context without starting the site. SQL Server needs
/// no server to add migrations or script them; the connection string here is never opened.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDealerCrmDbContext>
{
    public SqliteDealerCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDealerCrmDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDealerCrmDbContext>
{
    public SqlServerDealerCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDealerCrmDbContext>()
            .UseSqlServer("Server=(design-time);Database=DealerCrm;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
