using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DealerCrm.Web.Tests.Infrastructure;

/// <summary>
/// The site as a separate OS process (<c>dotnet DealerCrm.Web.dll</c> from this test's build
/// output), as a second instance behind a load balancer runs it: its own memory, its own data
/// folder, a database file it shares with another instance. Settings go in as environment
/// variables; it listens on a port the OS picks, read from its "Now listening on" line, and is
/// ready when <c>/health</c> answers. Every line it writes is kept: tests wait for lines (events,
/// not sleeps), look for errors, and show the whole log when they fail. Disposing kills the
/// process tree, always.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    /// <summary>A guard against a hang: a start normally takes a few seconds.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(int From, Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(string dataDirectory, Process process)
    {
        DataDirectory = dataDirectory;
        _process = process;
    }

    public string DataDirectory { get; }

    /// <summary>The site's address, as <c>http://localhost:port</c> so that cookies set by an in-process site (host localhost) are sent to it too.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>From the process's start until <c>/health</c> answered 200.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>How many lines the process has written so far: a mark to wait for lines after.</summary>
    public int LineCount
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>Everything the process wrote (stdout and stderr, stderr lines marked), for a failing test's output.</summary>
    public string Log
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    /// <summary>Lines logged at error or fatal level, and anything written to stderr.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lines)
            {
                return _lines.Where(l => l.Contains("[ERR]", StringComparison.Ordinal) || l.Contains("[FTL]", StringComparison.Ordinal) || l.StartsWith("stderr: ", StringComparison.Ordinal)).ToList();
            }
        }
    }

    /// <summary>
    /// Starts the site on the SQLite file <paramref name="databasePath"/> in the Development
    /// environment with demo seeding off (the database is another instance's, already seeded) and
    /// the given settings (keys as in appsettings.json), and waits until it is healthy.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string> settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "dealercrm-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "DealerCrm.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            // Port 0: the OS picks a free one, so two test runs never race for a port.
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["DataDirectory"] = dataDirectory,
            ["ConnectionStrings__DealerCrm"] = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString(),
            ["Demo__Seed"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var site = new AppProcess(dataDirectory, new Process { StartInfo = start, EnableRaisingEvents = true });
        site._process.OutputDataReceived += (_, e) => site.Add(e.Data);
        site._process.ErrorDataReceived += (_, e) => site.Add(e.Data is null ? null : "stderr: " + e.Data);
        site._process.Exited += (_, _) => site._exited.TrySetResult();
        if (!site._process.Start())
        {
            throw new InvalidOperationException("dotnet DealerCrm.Web.dll did not start");
        }

        var started = Stopwatch.StartNew();
        site._process.BeginOutputReadLine();
        site._process.BeginErrorReadLine();
        try
        {
            await site.WaitUntilHealthyAsync();
            site.StartedIn = started.Elapsed;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }

        return site;
    }

    /// <summary>The first line written at or after line <paramref name="from"/> that matches; fails if the process exits first or after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(int from, Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Skip(from).FirstOrDefault(match) is { } line)
            {
                return line;
            }

            _waiters.Add((from, match, found));
        }

        var first = await Task.WhenAny(found.Task, _exited.Task).WaitAsync(timeout).ConfigureAwait(false);
        if (first != found.Task && !found.Task.IsCompleted)
        {
            throw new InvalidOperationException("The site's process exited while a line was awaited:" + Environment.NewLine + Log);
        }

        return await found.Task;
    }

    /// <summary>A browser-like client of this site: no automatic redirects, cookies in the given jar (which another site's clients may share).</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        finally
        {
            _process.Dispose();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner gets it.
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var listening = await WaitForLineAsync(0, l => ListeningOn().IsMatch(l), StartTimeout);
        BaseAddress = new Uri($"http://localhost:{ListeningOn().Match(listening).Groups["port"].Value}");
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = StartTimeout };

        // Listening comes after the database is migrated and the hosted services started, so the
        // first answer is normally the healthy one; a 503 (database not reachable yet) is asked again
        // at the next line the process writes, within the same bound.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var mark = LineCount;
            using var response = await http.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"/health answered {(int)response.StatusCode} for {StartTimeout}:{Environment.NewLine}{Log}");
            }

            await WaitForLineAsync(mark, _ => true, TimeSpan.FromTicks(Math.Max(1, (StartTimeout - waited.Elapsed).Ticks)));
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            var index = _lines.Count - 1;
            foreach (var waiter in _waiters.Where(w => index >= w.From && w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(line);
            }
        }
    }

    /// <summary>The dotnet host running this test (the SDK sets DOTNET_HOST_PATH), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : "dotnet";

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningOn();
}
