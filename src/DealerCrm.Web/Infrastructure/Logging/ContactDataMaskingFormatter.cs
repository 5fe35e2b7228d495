using System.Text.RegularExpressions;
using Serilog.Events;
using Serilog.Formatting;

namespace DealerCrm.Web.Infrastructure.Logging;

/// <summary>
/// Last line of defence for "no personal data in logs": any Chinese mobile number that reaches
/// a log line (in a message, a property or an exception's text) is written masked, 138****5678.
/// </summary>
public sealed partial class ContactDataMaskingFormatter(ITextFormatter inner) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter();
        inner.Format(logEvent, buffer);
        output.Write(Mask(buffer.ToString()));
    }

    public static string Mask(string text) => MobileNumber().Replace(text, m => m.Value[..3] + "****" + m.Value[7..]);

    // An 11-digit mobile (1[3-9]…) not embedded in a longer run of digits.
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();
}
