-- wrk script: closed-loop reception load, POST /api/v1/dossiers. Each request is a complete reception of a
-- person's dossier with a fresh Idempotency-Key; personal ids and phones vary with the request number.
-- Arguments after "--": bearer token, run id (makes the keys of separate runs distinct), procedure code and the
-- documents JSON array (MotCua.Bench reception-documents).
-- done() prints one line: rps, client p50/p99 (wrk's latency), server p50/p99 (the app's Server-Timing), requests
-- and errors (connection errors, timeouts and non-2xx answers).
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token, run, procedure, documents = args[1], args[2], args[3], args[4]
  server = {}
end

function request()
  counter = counter + 1
  local n = id * 100000000 + counter
  local body = string.format(
    '{"procedureCode":"%s","channel":"direct","applicant":{"kind":"person","fullName":"Người nộp đo hiệu năng",'
      .. '"personalId":"0511%02d%06d","phone":"09%08d","address":"Xã Bình Sơn"},"documents":%s}',
    procedure, n % 100, n % 1000000, n % 100000000, documents)
  return wrk.format("POST", "/api/v1/dossiers", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter,
  }, body)
end

function response(status, headers, body)
  local timing = headers["Server-Timing"] or headers["server-timing"]
  local duration = timing and timing:match("dur=([%d%.]+)")
  if status == 201 and duration then
    server[#server + 1] = tonumber(duration)
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(p * #sorted))]
end

function done(summary, latency, requests)
  local times = {}
  for _, thread in ipairs(threads) do
    for _, value in ipairs(thread:get("server")) do times[#times + 1] = value end
  end
  table.sort(times)
  local errors = summary.errors
  print(string.format(
    "rps=%.1f client_p50_ms=%.3f client_p99_ms=%.3f server_p50_ms=%.3f server_p99_ms=%.3f requests=%d errors=%d",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    percentile(times, 0.50), percentile(times, 0.99), summary.requests,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout))
end
