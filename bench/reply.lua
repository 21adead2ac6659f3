-- wrk script for bench/http.sh's reply case: POST /api/topics/{id}/replies, cycling over the topics in
-- WRK_TOPICS (comma-separated ids), so the writes spread over many threads as they would in use.
local topics = {}
for id in string.gmatch(os.getenv("WRK_TOPICS") or "", "[^,]+") do
  topics[#topics + 1] = id
end
local n = 0
local body = '{"body":"ベンチマークの返信です。お話を聞かせてくださってありがとうございます。","anonymous":false}'

request = function()
  n = n + 1
  local headers = { ["Content-Type"] = "application/json" }
  for k, v in pairs(wrk.headers) do
    headers[k] = v
  end
  return wrk.format("POST", "/api/topics/" .. topics[(n % #topics) + 1] .. "/replies", headers, body)
end
