using DealerCrm.Domain.Settings;
using DealerCrm.Web.Infrastructure.Startup;
using Microsoft.Extensions.Options;

namespace DealerCrm.Web.Pages.Lounge;

public enum PhotoProblem
{
    None = 0,
    TooLarge = 1,
    NotAnImage = 2,
}

/// <summary>
/// Photos of lounge checks, in the data folder (not under wwwroot: only the sheet page serves
/// them, to those allowed). The type is judged from the file's first bytes, never from its name
/// or the browser's claim, and the stored name is a fresh random one.
/// </summary>
public sealed class LoungePhotos(DataPaths paths, IOptions<LoungePolicy> policy)
{
    private static readonly (string ContentType, string Extension, byte[] Magic, int Offset)[] Kinds =
    [
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF], 0),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("image/webp", ".webp", "WEBP"u8.ToArray(), 8),
    ];

    public long MaxBytes => policy.Value.PhotoMaxKilobytes * 1024L;

    public int MaxKilobytes => policy.Value.PhotoMaxKilobytes;

    /// <summary>Whether the upload may be stored, and as what; reads only its first bytes.</summary>
    public async Task<(PhotoProblem Problem, string? ContentType, string? Extension)> InspectAsync(IFormFile photo, CancellationToken cancellationToken)
    {
        if (photo.Length > MaxBytes)
        {
            return (PhotoProblem.TooLarge, null, null);
        }

        var head = new byte[16];
        await using var stream = photo.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        foreach (var (contentType, extension, magic, offset) in Kinds)
        {
            if (read >= offset + magic.Length && head.AsSpan(offset, magic.Length).SequenceEqual(magic))
            {
                return (PhotoProblem.None, contentType, extension);
            }
        }

        return (PhotoProblem.NotAnImage, null, null);
    }

    /// <summary>Stores an inspected photo under a new random name; returns the name.</summary>
    public async Task<string> SaveAsync(IFormFile photo, string extension, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.LoungePhotos);
        var name = Guid.NewGuid().ToString("N") + extension;
        await using var target = new FileStream(Path.Combine(paths.LoungePhotos, name), FileMode.CreateNew, FileAccess.Write);
        await photo.CopyToAsync(target, cancellationToken);
        return name;
    }

    /// <summary>A stored photo's path; null for a name that is not one of ours.</summary>
    public string? PathOf(string name)
    {
        if (name.Length > 60 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '.')))
        {
            return null;
        }

        var path = Path.Combine(paths.LoungePhotos, name);
        return File.Exists(path) ? path : null;
    }
}
