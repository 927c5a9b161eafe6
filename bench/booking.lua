-- wrk script of bench/booking: every request books one seat of a random event with a random
-- user's token. Arguments: the file of event ids and the file of access tokens, one a line.
-- Counts the answers by status and prints one RESULT line for BookingBench.java to read.
local events, tokens = {}, {}
statuses = {}

local function lines(path, into)
  for line in io.lines(path) do
    if line ~= "" then into[#into + 1] = line end
  end
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  lines(args[1], events)
  lines(args[2], tokens)
  math.randomseed(os.time() * 1000 + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 1000)
end

local body = '{"quantity":1}'
function request()
  local event = events[math.random(#events)]
  local token = tokens[math.random(#tokens)]
  return wrk.format("POST", "/api/v1/events/" .. event .. "/bookings",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      all[status] = (all[status] or 0) + n
    end
  end
  local counts = {}
  for status, n in pairs(all) do counts[#counts + 1] = status .. ":" .. n end
  local errors = summary.errors
  io.write(string.format(
    "RESULT p50_us=%d p95_us=%d p99_us=%d max_us=%d socket_errors=%d statuses=%s\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect + errors.read + errors.write + errors.timeout, table.concat(counts, ",")))
end
