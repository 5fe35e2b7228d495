using DealerCrm.Web.Infrastructure.Startup;

namespace DealerCrm.Web.Pages.Customers.Import;

/// <summary>An uploaded sheet waiting for confirmation, found by its random token.</summary>
public sealed record ImportUpload(string Folder, string FilePath, string OriginalName)
{
    public static ImportUpload? Find(DataPaths paths, string token)
    {
        // The token names a folder: only our own 32 hex digits, never a path.
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        var folder = Path.Combine(paths.Imports, token);
        var file = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "upload.*").FirstOrDefault() : null;
        return file is null ? null : new ImportUpload(folder, file, File.ReadAllText(Path.Combine(folder, "name.txt")));
    }

    public (IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> MissingColumns) Read()
    {
        using var stream = File.OpenRead(FilePath);
        return ImportFile.Read(stream, FilePath);
    }

    public void Delete() => Directory.Delete(Folder, recursive: true);
}
