using DealerCrm.Web.Infrastructure.Database;
using DealerCrm.Web.Infrastructure.Logging;
using DealerCrm.Web.Infrastructure.Startup;

MallocArenas.Limit();
var builder = WebApplication.CreateBuilder(args);
var dataDirectory = DataDirectory.Resolve(builder);
builder.AddDealerCrmLogging(dataDirectory);
builder.Services.AddDealerCrm(builder.Configuration, builder.Environment, dataDirectory);

var app = builder.Build();
app.UseDealerCrm();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
