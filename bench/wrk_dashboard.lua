-- wrk script for the dashboard load test (bench/load_test.py writes the request list).
-- Usage: wrk -t2 -c20 -d60s --timeout 60s -s bench/wrk_dashboard.lua http://127.0.0.1:PORT -- LIST
--        [THINK_MIN_MS THINK_MAX_MS]
-- With a think time each connection is a user who reads the page for a random time in
-- [THINK_MIN_MS, THINK_MAX_MS] before asking for the next; without one, it asks at once
-- (closed loop: the server's capacity). Latencies never include the think time.
-- LIST has one request per line: "<Cookie header>\t<path with query>". Every request draws a
-- line at random, so each asks for its own period, unit, page and user: no cache of identical
-- requests decides the figure. done() prints one line "BENCH_JSON {...}" (latencies in µs).

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end

local cookies, paths = {}, {}
local think_min, think_max = 0, 0
bad = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local cookie, path = line:match("^([^\t]+)\t(.+)$")
    if path then
      table.insert(cookies, cookie)
      table.insert(paths, path)
    end
  end
  file:close()
  think_min, think_max = tonumber(args[2] or "0"), tonumber(args[3] or "0")
  math.randomseed(os.time() * 1000 + (seed or 0) * 7919)
end

function request()
  local i = math.random(#paths)
  return wrk.format("GET", paths[i], { ["Cookie"] = cookies[i] })
end

function delay()
  if think_max > 0 then
    return math.random(think_min, think_max)
  end
  return 0
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local not_ok = 0
  for _, thread in ipairs(threads) do
    not_ok = not_ok + (thread:get("bad") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.0f, "max_us": %d, '
      .. '"requests": %d, "duration_us": %d, "bytes": %d, "non_200": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean,
    latency.max, summary.requests, summary.duration, summary.bytes, not_ok,
    e.connect, e.read, e.write, e.status, e.timeout
  ))
end
