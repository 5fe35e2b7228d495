using DealerCrm.Web.Infrastructure.Logging;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace DealerCrm.Web.Tests.Foundation;

/// <summary>The request line's level: a client hanging up is information, a real fault an error.</summary>
public sealed class RequestLevelTests
{
    private static DefaultHttpContext Context(bool aborted)
    {
        using var abort = new CancellationTokenSource();
        if (aborted)
        {
            abort.Cancel();
        }

        return new DefaultHttpContext { RequestAborted = abort.Token, Request = { Path = "/Customers" } };
    }

    [Fact]
    public void A_client_that_hung_up_is_information()
    {
        Assert.Equal(LogEventLevel.Information, LoggingSetup.RequestLevel(Context(aborted: true), new TaskCanceledException()));
        Assert.Equal(LogEventLevel.Information, LoggingSetup.RequestLevel(Context(aborted: true), new OperationCanceledException()));
    }

    [Fact]
    public void A_cancellation_the_client_did_not_cause_and_other_exceptions_are_errors()
    {
        Assert.Equal(LogEventLevel.Error, LoggingSetup.RequestLevel(Context(aborted: false), new TaskCanceledException()));
        Assert.Equal(LogEventLevel.Error, LoggingSetup.RequestLevel(Context(aborted: true), new InvalidOperationException()));
    }
}
