-- wrk script: spreads requests over the users in $BENCH_USERS ("<token> <researchId>" per line), round robin
-- per connection, against the endpoint named by $BENCH_TARGET (settings | research | logs | floor: GET /health/live,
-- Micronaut's own floor on the same server, which reads nothing and answers on the event loop). done() prints one
-- machine-readable line: requests, seconds, p50/p99 in ms, socket errors and non-2xx answers.
local users = {}
for line in io.lines(os.getenv("BENCH_USERS")) do
  local token, id = line:match("^(%S+)%s+(%S+)$")
  if token then users[#users + 1] = { token = token, id = id } end
end
local target = os.getenv("BENCH_TARGET")
local next_user = 0

function setup(thread)
  thread:set("offset", math.random(#users))
end

function request()
  next_user = next_user + 1
  local user = users[((next_user + offset) % #users) + 1]
  local headers = { ["Authorization"] = "Bearer " .. user.token }
  if target == "floor" then
    return wrk.format("GET", "/health/live", headers)
  elseif target == "settings" then
    return wrk.format("GET", "/api/v1/settings/llm.model", headers)
  elseif target == "research" then
    return wrk.format("GET", "/api/v1/research/" .. user.id, headers)
  else
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/v1/research/" .. user.id .. "/logs", headers,
      '{"level":"info","message":"fetched 12 sources","progress":40}')
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
