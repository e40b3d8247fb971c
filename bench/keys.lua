-- Random request keys, as a crowd of clients would send them: the balancers hash ?key= onto their ring.
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
request = function()
  return wrk.format("GET", "/home?key=" .. math.random(1, 1000000))
end
