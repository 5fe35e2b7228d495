using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace DealerCrm.Infrastructure.Letters;

/// <summary>
/// Cuts a TrueType font down to the characters a PDF uses, with HarfBuzz's subsetter (exported by
/// the HarfBuzzSharp native library). Skia's PDF writer in our build embeds whole fonts: 10 MB of
/// Noto Sans SC per letter, and its ToUnicode map then picks the wrong one of two code points that
/// share a glyph (户 read back as the radical ⼾). A subset whose cmap holds only the characters
/// used fixes both. (Skia itself names the embedded font with the subset tag PDF asks for,
/// AAAAAA+NotoSansSC-Regular.)
/// </summary>
/// <remarks>
/// Thread-safe: the HarfBuzz face is created once and only read afterwards (HarfBuzz objects may be
/// shared between threads as long as nobody modifies them).
/// </remarks>
public sealed class FontSubsetter : IDisposable
{
    private const uint SubsetFlagsNoHinting = 0x1;
    private const int SubsetSetsDropTableTag = 3;
    private const int MemoryModeReadOnly = 1;

    // Tables a PDF renderer never reads: shaping (we place glyphs ourselves) and vertical metrics.
    private static readonly string[] DroppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "STAT", "vhea", "vmtx", "VORG", "DSIG"];

    // Pinned for the lifetime of the face, which reads the font in place instead of copying it.
    private readonly byte[] _font;
    private IntPtr _face;

    public FontSubsetter(ReadOnlySpan<byte> font)
        : this(Pinned(font))
    {
    }

    private FontSubsetter(byte[] pinnedFont)
    {
        _font = pinnedFont;
        var blob = NativeMethods.hb_blob_create(
            Marshal.UnsafeAddrOfPinnedArrayElement(_font, 0), (uint)_font.Length, MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);

        // The face keeps its own reference to the blob. (hb_subset_preprocess was measured: it
        // costs 110-150 ms and 15 MB up front to save 0.07 ms per subset, so it is not used.)
        _face = NativeMethods.hb_face_create(blob, 0);
        NativeMethods.hb_blob_destroy(blob);
    }

    public static FontSubsetter FromFile(string path)
    {
        using var file = File.OpenRead(path);
        var font = GC.AllocateUninitializedArray<byte>(checked((int)file.Length), pinned: true);
        file.ReadExactly(font);
        return new FontSubsetter(font);
    }

    /// <summary>
    /// A TrueType font holding exactly the glyphs of <paramref name="codePoints"/> (and .notdef),
    /// its cmap mapping only those code points, without hinting, shaping or vertical tables.
    /// </summary>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        ObjectDisposedException.ThrowIf(_face == IntPtr.Zero, this);

        var input = NativeMethods.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            throw new InvalidOperationException("HarfBuzz could not create a subset input.");
        }

        byte[] subset;
        try
        {
            var unicodes = NativeMethods.hb_subset_input_unicode_set(input);
            foreach (var codePoint in codePoints)
            {
                NativeMethods.hb_set_add(unicodes, (uint)codePoint);
            }

            var dropped = NativeMethods.hb_subset_input_set(input, SubsetSetsDropTableTag);
            foreach (var table in DroppedTables)
            {
                NativeMethods.hb_set_add(dropped, BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(table)));
            }

            NativeMethods.hb_subset_input_set_flags(input, SubsetFlagsNoHinting);
            var subsetFace = NativeMethods.hb_subset_or_fail(_face, input);
            if (subsetFace == IntPtr.Zero)
            {
                throw new InvalidOperationException("HarfBuzz could not subset the font.");
            }

            var blob = NativeMethods.hb_face_reference_blob(subsetFace);
            var data = NativeMethods.hb_blob_get_data(blob, out var length);
            subset = new byte[length];
            Marshal.Copy(data, subset, 0, (int)length);
            NativeMethods.hb_blob_destroy(blob);
            NativeMethods.hb_face_destroy(subsetFace);
        }
        finally
        {
            NativeMethods.hb_subset_input_destroy(input);
        }

        return subset;
    }

    private static byte[] Pinned(ReadOnlySpan<byte> font)
    {
        if (font.IsEmpty)
        {
            throw new ArgumentException("The font is empty.", nameof(font));
        }

        var pinned = GC.AllocateUninitializedArray<byte>(font.Length, pinned: true);
        font.CopyTo(pinned);
        return pinned;
    }

    public void Dispose()
    {
        if (_face != IntPtr.Zero)
        {
            NativeMethods.hb_face_destroy(_face);
            _face = IntPtr.Zero;
        }
    }

    private static class NativeMethods
    {
        private const string HarfBuzz = "libHarfBuzzSharp";

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

        [DllImport(HarfBuzz)]
        public static extern void hb_blob_destroy(IntPtr blob);

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_face_create(IntPtr blob, uint index);

        [DllImport(HarfBuzz)]
        public static extern void hb_face_destroy(IntPtr face);

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_face_reference_blob(IntPtr face);

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_subset_input_create_or_fail();

        [DllImport(HarfBuzz)]
        public static extern void hb_subset_input_destroy(IntPtr input);

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

        [DllImport(HarfBuzz)]
        public static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

        [DllImport(HarfBuzz)]
        public static extern void hb_set_add(IntPtr set, uint codePoint);

        [DllImport(HarfBuzz)]
        public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    }
}
