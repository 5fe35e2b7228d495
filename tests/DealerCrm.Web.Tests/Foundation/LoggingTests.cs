using DealerCrm.Web.Infrastructure.Logging;

namespace DealerCrm.Web.Tests.Foundation;

public sealed class LoggingTests
{
    [Theory]
    [InlineData("customer 13812345678 called", "customer 138****5678 called")]
    [InlineData("phones 13912345678,15000001111", "phones 139****5678,150****1111")]
    [InlineData("order 2026013812345678 is not a phone", "order 2026013812345678 is not a phone")]
    [InlineData("landline 020-88886666 stays", "landline 020-88886666 stays")]
    public void Mobile_numbers_never_reach_a_log_line_whole(string line, string written) =>
        Assert.Equal(written, ContactDataMaskingFormatter.Mask(line));
}
