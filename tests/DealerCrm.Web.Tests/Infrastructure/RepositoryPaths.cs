namespace DealerCrm.Web.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root folder (the one holding DealerCrm.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "DealerCrm.Web");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DealerCrm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DealerCrm.sln not found above " + AppContext.BaseDirectory);
    }
}
