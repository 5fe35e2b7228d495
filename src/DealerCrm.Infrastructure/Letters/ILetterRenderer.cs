using DealerCrm.Domain.Letters;

namespace DealerCrm.Infrastructure.Letters;

/// <summary>Prints letters to PDF. Pages and jobs depend on this, not on the drawing library (ADR 0003).</summary>
public interface ILetterRenderer
{
    /// <summary>
    /// One PDF with one A4 portrait page per letter, in order, each font embedded once for the
    /// whole batch. A letter too long for one page is first set smaller, then continued on a
    /// second page rather than cut.
    /// </summary>
    byte[] RenderPdf(IReadOnlyList<LetterDocument> letters);

    /// <summary>Whether the letter fits on one page at the standard text size.</summary>
    bool FitsOnOnePage(LetterDocument letter);
}
