-- tests/rand.lua: a deterministic generator for the tests that make their
-- inputs (Park-Miller, exact in a double on every VM), so that a run is
-- the same everywhere. dofile("tests/rand.lua")(seed) gives rand(n), a
-- whole number 1..n, and pick(t), an element of t.
return function(seed)
  local function rand(n)
    seed = (seed * 16807) % 2147483647
    return seed % n + 1
  end
  local function pick(t) return t[rand(#t)] end
  return rand, pick
end
