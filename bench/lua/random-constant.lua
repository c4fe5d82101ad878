-- wrk script for the baseline: the same client-side work (a random query string) against the constant endpoint.
math.randomseed(20261123)
request = function()
  local path = string.format("/api/v1/bench/constant?start=%04d-%02d-%02dT%02d:%02d:00&value=%d&unit=working_days",
    math.random(2024, 2030), math.random(1, 12), math.random(1, 28), math.random(0, 23), math.random(0, 59), math.random(1, 30))
  return wrk.format("GET", path)
end
