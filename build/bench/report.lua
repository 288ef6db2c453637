-- One new activity per request, each with its own externalRef, so every request appends a stream.
local counter = 0
local key = os.getenv("GULOU_BENCH_KEY")

setup = function(thread)
  thread:set("tid", tostring(math.random(1, 1000000000)))
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"externalRef":"wrk-%s-%d","kind":"competition","title":"青少年科技竞赛","occurredOn":"2023-05-01","venue":"鼓楼区","attendance":{"youth":120,"public":8}}',
    tid, counter)
  return wrk.format("POST", "/api/v1/activities", { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }, body)
end
