-- wrk script for bench/http.sh's reply case: POST /api/topics/{id}/replies, cycling over the topics in
-- WRK_TOPICS (comma-separated ids), so the writes spread over many threads as they would in use. With WRK_TOKENS
-- (comma-separated bearer tokens of different members: the seed's 64 WRITER_TOKENS), each request is sent by the next
-- member in turn instead of by the one signed in with -H, so that writers queue far less on one member's row lock (with
-- 16 connections a request still finds its member's previous one in flight now and then: answers come back out of order).
local topics = {}
for id in string.gmatch(os.getenv("WRK_TOPICS") or "", "[^,]+") do
  topics[#topics + 1] = id
end
local tokens = {}
for token in string.gmatch(os.getenv("WRK_TOKENS") or "", "[^,]+") do
  tokens[#tokens + 1] = token
end
local n = 0
-- wrk's threads each run this script with their own counter: the second starts half the tokens further on, so that
-- the two threads do not send the same members' requests at the same moment.
offset = 0
local threads = 0
setup = function(thread)
  thread:set("offset", threads * math.floor(#tokens / 2))
  threads = threads + 1
end
local body = '{"body":"ベンチマークの返信です。お話を聞かせてくださってありがとうございます。","anonymous":false}'

request = function()
  n = n + 1
  local headers = { ["Content-Type"] = "application/json" }
  for k, v in pairs(wrk.headers) do
    headers[k] = v
  end
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[((n + offset) % #tokens) + 1]
  end
  return wrk.format("POST", "/api/topics/" .. topics[(n % #topics) + 1] .. "/replies", headers, body)
end
