namespace DealerCrm.Web.Infrastructure.Startup;

/// <summary>Where the site keeps its files; see <see cref="DataDirectory"/>.</summary>
public sealed record DataPaths(string Root)
{
    /// <summary>Uploaded import sheets, each in a folder named by its random token.</summary>
    public string Imports => Path.Combine(Root, "imports");
}
