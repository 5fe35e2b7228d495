namespace DealerCrm.Web.Infrastructure.Startup;

/// <summary>Where the site keeps its files; see <see cref="DataDirectory"/>.</summary>
public sealed record DataPaths(string Root)
{
    /// <summary>Uploaded import sheets, each in a folder named by its random token.</summary>
    public string Imports => Path.Combine(Root, "imports");

    /// <summary>Photos of lounge checks (served by the sheet page to those who may see them, never as static files).</summary>
    public string LoungePhotos => Path.Combine(Root, "lounge-photos");
}
