namespace DealerCrm.Domain.Reporting;

/// <summary>A headline figure of a printed report: what, how much, and against what.</summary>
public sealed record ReportFigure(string Label, string Value, string Note);

/// <summary>A table of a printed report; <see cref="NumericColumns"/> are right-aligned.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> NumericColumns);

/// <summary>
/// A printed summary (the weekly pack for the Monday meeting), independent of the drawing
/// library: final text only, laid out by the renderer on A4.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<ReportFigure> Figures, IReadOnlyList<ReportTable> Tables, string Footer)
{
    public IEnumerable<string> AllText()
    {
        yield return Title;
        yield return Subtitle;
        yield return Footer;
        foreach (var figure in Figures)
        {
            yield return figure.Label;
            yield return figure.Value;
            yield return figure.Note;
        }

        foreach (var table in Tables)
        {
            yield return table.Title;
            foreach (var text in table.Columns.Concat(table.Rows.SelectMany(r => r)))
            {
                yield return text;
            }
        }
    }
}
