namespace DealerCrm.Web.Infrastructure.Startup;

public static class DataDirectory
{
    /// <summary>
    /// Where the site keeps its files (the embedded database, logs, uploads): the DataDirectory
    /// setting, absolute or relative to the content root; App_Data by default. Created if missing.
    /// </summary>
    public static string Resolve(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["DataDirectory"];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}
