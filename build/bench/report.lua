-- One new activity per request. References are unique per run (GULOU_BENCH_RUN) and per thread, so no request
-- resends another's and every request appends a stream. Counts the answers: 201 stored, 200 already stored (no
-- write), anything else; done() prints them as "answers: CREATED EXISTING OTHER".
local key = os.getenv("GULOU_BENCH_KEY")
local run = os.getenv("GULOU_BENCH_RUN") or tostring(os.time())
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
  thread:set("tid", run .. "-" .. #threads)
end

-- Per thread (each runs its own copy of this script); globals, so that done() can read them with thread:get.
counter, created, existing, other = 0, 0, 0, 0

request = function()
  counter = counter + 1
  local body = string.format(
    '{"externalRef":"wrk-%s-%d","kind":"competition","title":"青少年科技竞赛","occurredOn":"2023-05-01","venue":"鼓楼区","attendance":{"youth":120,"public":8}}',
    tid, counter)
  return wrk.format("POST", "/api/v1/activities", { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }, body)
end

response = function(status)
  if status == 201 then created = created + 1
  elseif status == 200 then existing = existing + 1
  else other = other + 1 end
end

done = function()
  local c, e, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created"); e = e + thread:get("existing"); o = o + thread:get("other")
  end
  io.write(string.format("answers: %d %d %d\n", c, e, o))
end
