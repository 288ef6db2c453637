local key = os.getenv("GULOU_BENCH_KEY")
request = function()
  return wrk.format("GET", nil, { ["X-Api-Key"] = key })
end
