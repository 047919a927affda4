-- Logging a workout as a patient's phone posts it: the form with its antiforgery token, a fresh
-- idempotency key per request (so every request is a new workout), one exercise of two sets.
wrk.method = "POST"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local token = os.getenv("BENCH_TOKEN")
local date = os.getenv("BENCH_DATE")
local counter = 0
local threads = 0

-- Unique across runs and threads, not only within one: the start time, the thread, a counter. (wrk's Lua starts
-- every run with the same random numbers, so random keys alone repeat the warm-up's and the last run's keys.)
local function key()
  counter = counter + 1
  return string.format("%08x-%04x-4000-8000-%012x", started, thread_number, counter)
end

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
  thread:set("started", os.time())
end

request = function()
  local body = "__RequestVerificationToken=" .. token ..
    "&Input.IdempotencyKey=" .. key() ..
    "&Input.Date=" .. date ..
    "&Input.Exercises%5B0%5D.Slug=ball-bridge&Input.Exercises%5B0%5D.Side=Both" ..
    "&Input.Exercises%5B0%5D.PainDuring=1&Input.Exercises%5B0%5D.FormOk=true" ..
    "&Input.Exercises%5B0%5D.Sets%5B0%5D.Reps=10&Input.Exercises%5B0%5D.Sets%5B0%5D.HoldSeconds=3" ..
    "&Input.Exercises%5B0%5D.Sets%5B1%5D.Reps=10&Input.Exercises%5B0%5D.Sets%5B1%5D.HoldSeconds=3"
  return wrk.format(nil, "/log", nil, body)
end
