using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace DealerCrm.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    private const string Template =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {UserName} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog to the console and to a daily rolling file under {data}/logs. Framework request
    /// lines are quietened (they would carry query strings, i.e. searched phone numbers); one
    /// request line per request comes from UseSerilogRequestLogging, path without query.
    /// Every line passes through <see cref="ContactDataMaskingFormatter"/>.
    /// </summary>
    public static void AddDealerCrmLogging(this WebApplicationBuilder builder, string dataDirectory)
    {
        var logDirectory = Path.Combine(dataDirectory, "logs");
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("UserName", "-")
            .WriteTo.Console(new ContactDataMaskingFormatter(new MessageTemplateTextFormatter(Template)))
            .WriteTo.File(
                new ContactDataMaskingFormatter(new MessageTemplateTextFormatter(Template)),
                Path.Combine(logDirectory, "dealercrm-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                shared: true),
            // The host's own logger, never the static Log.Logger: two hosts in one process (the
            // tests start many) would otherwise write into whichever was built last.
            preserveStaticLogger: true);
    }

    /// <summary>Adds the signed-in user's name to every log line of a request, and to the request line.</summary>
    public static IApplicationBuilder UseDealerCrmRequestLogging(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var userName = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "anonymous";
            using (Serilog.Context.LogContext.PushProperty("UserName", userName))
            {
                await next();
            }
        });
        return app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.GetLevel = (context, _, exception) => RequestLevel(context, exception);
        });
    }

    /// <summary>
    /// The request line's level. A client that hung up (the request's own abort token cancelled
    /// the work) is not a fault of the site: information, not an error.
    /// </summary>
    public static LogEventLevel RequestLevel(HttpContext context, Exception? exception) =>
        IsClientAbort(context, exception) ? LogEventLevel.Information
        : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/lib") ? LogEventLevel.Verbose
        : LogEventLevel.Information;

    /// <summary>OperationCanceledException (TaskCanceledException included) while the request was aborted.</summary>
    public static bool IsClientAbort(HttpContext context, Exception? exception) =>
        exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested;
}
