-- wrk script for the benchmarks' run.sh (bench/lib.sh).
-- Argument (after --): a file of request paths, one a line, which the threads walk round-robin
-- (each thread starting at its own offset), or a single path to request every time.
-- At the end it prints one "RESULT ..." line with throughput, p50/p95/p99 latency and errors.

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

local paths = {}
local index = 1

function init(args)
    local source = args[1] or "/"
    local file = io.open(source, "r")
    if file then
        for line in file:lines() do
            if #line > 0 then
                paths[#paths + 1] = line
            end
        end
        file:close()
    else
        paths[1] = source
    end
    index = ((id - 1) * math.floor(#paths / 7 + 1)) % #paths + 1
end

function request()
    local path = paths[index]
    index = index % #paths + 1
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f mean_ms=%.1f status_errors=%d socket_errors=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, latency.mean / 1000,
        e.status, e.connect + e.read + e.write + e.timeout))
end
