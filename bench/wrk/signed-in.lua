-- A signed-in patient's GET: the session cookie bench/run got by logging in.
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
