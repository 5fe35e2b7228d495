using DealerCrm.Domain.Reporting;
using SkiaSharp;

namespace DealerCrm.Infrastructure.Letters;

/// <summary>Prints a report (the weekly pack) to PDF with the letter engine's fonts (ADR 0003).</summary>
public interface IReportRenderer
{
    /// <summary>A4 portrait; the figures as a grid of boxes, then each table. What does not fit continues on the next page.</summary>
    byte[] RenderPdf(ReportDocument report);
}

/// <summary>
/// Draws a <see cref="ReportDocument"/> with SkiaSharp's PDF backend in the shipped Noto Sans SC,
/// subset to the report's text. Column widths follow their content; a cell too wide for its
/// column is cut with an ellipsis rather than running into the next one. A singleton.
/// </summary>
public sealed class SkiaReportRenderer : IReportRenderer, IDisposable
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Margin = 36f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const int FiguresPerRow = 4;
    private const float CellPadding = 4f;

    private static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    private static readonly SKColor Muted = new(0x5c, 0x63, 0x6a);
    private static readonly SKColor Rule = new(0xce, 0xd4, 0xda);
    private static readonly SKColor HeaderFill = new(0xe9, 0xec, 0xef);

    private readonly Lazy<ShippedFont> _regular;
    private readonly Lazy<ShippedFont> _bold;

    public SkiaReportRenderer()
        : this(SkiaLetterRenderer.DefaultFontDirectory)
    {
    }

    public SkiaReportRenderer(string fontDirectory)
    {
        _regular = new(() => ShippedFont.Load(Path.Combine(fontDirectory, SkiaLetterRenderer.RegularFontFile)), LazyThreadSafetyMode.ExecutionAndPublication);
        _bold = new(() => ShippedFont.Load(Path.Combine(fontDirectory, SkiaLetterRenderer.BoldFontFile)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public byte[] RenderPdf(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var codePoints = new HashSet<int>();
        foreach (var text in report.AllText().Append("…"))
        {
            SkiaLetterRenderer.AddCodePoints(codePoints, text);
        }

        using var regular = SkiaLetterRenderer.SubsetTypeface(_regular.Value, codePoints);
        using var bold = SkiaLetterRenderer.SubsetTypeface(_bold.Value, codePoints);
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata(SKDocumentPdfMetadata.DefaultRasterDpi) { Title = report.Title, Creator = "DealerCrm", Producer = "DealerCrm (SkiaSharp)" }))
        {
            new Writer(document, regular, bold, report.Footer).Write(report);
            document.Close();
        }

        return stream.ToArray();
    }

    public void Dispose()
    {
        if (_regular.IsValueCreated)
        {
            _regular.Value.Dispose();
        }

        if (_bold.IsValueCreated)
        {
            _bold.Value.Dispose();
        }
    }

    /// <summary>Writes top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class Writer(SKDocument document, SKTypeface regular, SKTypeface bold, string footer)
    {
        private SKCanvas? _canvas;
        private float _y;
        private int _page;

        public void Write(ReportDocument report)
        {
            NewPage();
            Text(report.Title, bold, 18, Margin, _y + 18, Ink);
            _y += 26;
            Text(report.Subtitle, regular, 10, Margin, _y + 10, Muted);
            _y += 22;
            WriteFigures(report.Figures);
            foreach (var table in report.Tables)
            {
                WriteTable(table);
            }

            EndPage();
        }

        private void WriteFigures(IReadOnlyList<ReportFigure> figures)
        {
            const float gap = 8f;
            const float height = 54f;
            var width = (ContentWidth - (gap * (FiguresPerRow - 1))) / FiguresPerRow;
            foreach (var row in figures.Chunk(FiguresPerRow))
            {
                Ensure(height + gap);
                for (var i = 0; i < row.Length; i++)
                {
                    var x = Margin + (i * (width + gap));
                    using var border = new SKPaint { Color = Rule, IsStroke = true, StrokeWidth = 0.8f, IsAntialias = true };
                    _canvas!.DrawRoundRect(new SKRect(x, _y, x + width, _y + height), 4, 4, border);
                    Text(Fit(row[i].Label, regular, 8.5f, width - 12), regular, 8.5f, x + 6, _y + 13, Muted);
                    Text(Fit(row[i].Value, bold, 15, width - 12), bold, 15, x + 6, _y + 33, Ink);
                    Text(Fit(row[i].Note, regular, 8, width - 12), regular, 8, x + 6, _y + 47, Muted);
                }

                _y += height + gap;
            }

            _y += 6;
        }

        private void WriteTable(ReportTable table)
        {
            const float size = 8.5f;
            const float rowHeight = size + (2 * CellPadding) + 2;
            var widths = ColumnWidths(table, size);
            Ensure(16 + (2 * rowHeight));
            Text(table.Title, bold, 11, Margin, _y + 11, Ink);
            _y += 17;
            Row(table.Columns, widths, table.NumericColumns, bold, size, rowHeight, header: true);
            foreach (var row in table.Rows)
            {
                if (_y + rowHeight > PageHeight - Margin - 14)
                {
                    NewPageAfter();
                    Row(table.Columns, widths, table.NumericColumns, bold, size, rowHeight, header: true);
                }

                Row(row, widths, table.NumericColumns, regular, size, rowHeight, header: false);
            }

            _y += 12;
        }

        private void Row(IReadOnlyList<string> cells, float[] widths, IReadOnlySet<int> numeric, SKTypeface face, float size, float height, bool header)
        {
            if (header)
            {
                using var fill = new SKPaint { Color = HeaderFill, IsAntialias = true };
                _canvas!.DrawRect(new SKRect(Margin, _y, Margin + ContentWidth, _y + height), fill);
            }

            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                var text = Fit(i < cells.Count ? cells[i] : "", face, size, widths[i] - (2 * CellPadding));
                var textX = numeric.Contains(i) ? x + widths[i] - CellPadding - Measure(text, face, size) : x + CellPadding;
                Text(text, face, size, textX, _y + CellPadding + size, Ink);
                x += widths[i];
            }

            using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, IsAntialias = true };
            _canvas!.DrawLine(Margin, _y + height, Margin + ContentWidth, _y + height, rule);
            _y += height;
        }

        /// <summary>Each column as wide as its widest cell, shrunk in proportion when the table is wider than the page.</summary>
        private float[] ColumnWidths(ReportTable table, float size)
        {
            var widths = table.Columns.Select((column, i) =>
                table.Rows.Select(r => i < r.Count ? Measure(r[i], regular, size) : 0).Append(Measure(column, bold, size)).Max() + (2 * CellPadding)).ToArray();
            var total = widths.Sum();
            var scale = total > ContentWidth ? ContentWidth / total : 1f;
            var scaled = widths.Select(w => w * scale).ToArray();
            // The table spans the page: what is left goes to the first (label) column.
            scaled[0] += ContentWidth - scaled.Sum();
            return scaled;
        }

        private void Ensure(float height)
        {
            if (_y + height > PageHeight - Margin - 14)
            {
                NewPageAfter();
            }
        }

        private void NewPageAfter()
        {
            EndPage();
            NewPage();
        }

        private void NewPage()
        {
            _canvas = document.BeginPage(PageWidth, PageHeight);
            _page++;
            _y = Margin;
        }

        private void EndPage()
        {
            var pageText = $"{footer}  ·  {_page}";
            Text(pageText, regular, 8, Margin, PageHeight - (Margin / 2), Muted);
            document.EndPage();
        }

        private void Text(string text, SKTypeface face, float size, float x, float baseline, SKColor color)
        {
            using var font = new SKFont(face, size);
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            _canvas!.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        }

        private static float Measure(string text, SKTypeface face, float size)
        {
            using var font = new SKFont(face, size);
            return font.MeasureText(text);
        }

        /// <summary>The text, cut with an ellipsis to fit <paramref name="width"/>.</summary>
        private static string Fit(string text, SKTypeface face, float size, float width)
        {
            if (Measure(text, face, size) <= width)
            {
                return text;
            }

            var runes = text.EnumerateRunes().ToList();
            while (runes.Count > 0 && Measure(string.Concat(runes.Select(r => r.ToString())) + "…", face, size) > width)
            {
                runes.RemoveAt(runes.Count - 1);
            }

            return string.Concat(runes.Select(r => r.ToString())) + "…";
        }
    }
}
