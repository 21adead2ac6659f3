using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>One malformed (or, for the baseline, plausible) request derived from the OpenAPI document.</summary>
public sealed record FuzzCase(string Operation, string Description, HttpMethod Method, string Url, Func<HttpContent?> Content);

/// <summary>One operation of the served OpenAPI document.</summary>
public sealed record FuzzOperation(string Method, string Template, IReadOnlyList<JsonElement> Parameters, JsonElement? Body)
{
    public string Name => $"{Method.ToUpperInvariant()} {Template}";
}

/// <summary>Turns the served OpenAPI document into malformed requests: for every operation, bad path values, bad
/// query values and bad bodies (wrong types, missing and extra fields, nulls in arrays and objects, huge strings and
/// arrays, deep nesting, invalid UTF-8, control characters, overflowing numbers, unknown enum values, bad GUIDs and
/// cursors). Deterministic for a given seed: the same document and seed give the same requests.</summary>
public sealed class OpenApiFuzzer(JsonElement document, FuzzValues values, int seed)
{
    private const string Raw = "\u0001raw:";
    private static readonly string HugeString = new('あ', 60_000);
    private static readonly string DeepArray = new string('[', 5_000) + new string(']', 5_000);
    private static readonly string DeepObject = string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000);

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, string> _raws = [];

    public IEnumerable<FuzzOperation> Operations()
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.Object } content
                        ? content.Value.GetProperty("schema")
                        : null;
                yield return new FuzzOperation(operation.Name, path.Name, parameters, body);
            }
        }
    }

    /// <summary>Every case of an operation, in a fixed order (the first is the plausible baseline).</summary>
    public List<FuzzCase> Cases(FuzzOperation operation)
    {
        var cases = new List<FuzzCase>();
        var method = new HttpMethod(operation.Method.ToUpperInvariant());
        var url = Url(operation, null, null);
        var baseline = operation.Body is { } schema ? Baseline(schema, null, null) : null;
        cases.Add(Case(operation, "baseline", method, url, baseline is null ? null : Json(Serialize(baseline))));

        foreach (var parameter in operation.Parameters.Where(p => p.GetProperty("in").GetString() == "path"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var bad in PathValues())
            {
                cases.Add(Case(operation, $"path {name}={Shorten(bad)}", method, Url(operation, name, bad), baseline is null ? null : Json(Serialize(baseline))));
            }
        }

        var query = operation.Parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        foreach (var parameter in query)
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var bad in QueryValues())
            {
                cases.Add(Case(operation, $"query {name}={Shorten(bad)}", method, url + "?" + name + "=" + bad, null));
            }
        }

        if (query.Count > 1)
        {
            foreach (var bad in QueryValues())
            {
                var all = string.Join('&', query.Select(q => q.GetProperty("name").GetString() + "=" + bad));
                cases.Add(Case(operation, $"every query parameter={Shorten(bad)}", method, url + "?" + all, null));
            }
        }

        if (operation.Body is { } bodySchema && baseline is not null)
        {
            foreach (var (description, content) in WholeBodies(Serialize(baseline)))
            {
                cases.Add(Case(operation, description, method, url, content));
            }

            foreach (var (description, body) in Mutations(baseline, bodySchema, "$", depth: 0))
            {
                cases.Add(Case(operation, description, method, url, body));
            }
        }

        return cases;
    }

    /// <summary>A deterministic sample of <paramref name="count"/> cases, always with the baseline.</summary>
    public List<FuzzCase> Sample(List<FuzzCase> cases, int count) =>
        cases.Count <= count ? cases : [cases[0], .. cases.Skip(1).OrderBy(_ => _random.Next()).Take(count - 1)];

    /// <summary>A GUID nothing has, from the seeded generator.</summary>
    private string UnknownGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static FuzzCase Case(FuzzOperation operation, string description, HttpMethod method, string url, Func<HttpContent?>? content) =>
        new(operation.Name, description, method, url, content ?? (() => null));

    private string Url(FuzzOperation operation, string? badName, string? badValue)
    {
        var url = operation.Template;
        foreach (var parameter in operation.Parameters.Where(p => p.GetProperty("in").GetString() == "path"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var value = name == badName ? badValue! : Uri.EscapeDataString(values.PathValue(operation.Template, name));
            url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return url;
    }

    private IEnumerable<string> PathValues() =>
    [
        "not-a-guid", "00000000-0000-0000-0000-000000000000", UnknownGuid(), "%FF%FE", "%01%1B",
        new string('a', 2_000), "..%2F..%2Fetc",
    ];

    private static IEnumerable<string> QueryValues() =>
    [
        "", "abc", "-1", "2147483648", "1e400", "true", "%00", "%01%1B%7F", "%FF%FE", "%ED%A0%80", "!!!", "____", "eyJ9",
        Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("9999-12-31T23:59:59|not-a-guid"))),
        "9999-12-31", "0001-01-01", "2026-02-30", new string('x', 6_000),
    ];

    private IEnumerable<(string, Func<HttpContent?>)> WholeBodies(string baseline)
    {
        yield return ("body null", Json("null"));
        yield return ("body []", Json("[]"));
        yield return ("body {}", Json("{}"));
        yield return ("body string", Json("\"x\""));
        yield return ("body number", Json("1e400"));
        yield return ("body truncated", Json(baseline[..(baseline.Length / 2)]));
        yield return ("body empty", Json(string.Empty));
        yield return ("body deeply nested array", Json(DeepArray));
        yield return ("body deeply nested object", Json(DeepObject));
        yield return ("body invalid UTF-8", () => Bytes([0xFF, 0xFE, 0xC3, 0x28, 0x7B], "application/json"));
        yield return ("body invalid UTF-8 inside a string", () => Bytes(InvalidUtf8Inside(baseline), "application/json"));
        yield return ("body with a byte-order mark", () => Bytes([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(baseline)], "application/json"));
        yield return ("body with charset=x-bogus", () => Bytes(Encoding.UTF8.GetBytes(baseline), "application/json; charset=x-bogus"));
        yield return ("body with charset=utf-16", () => Bytes(Encoding.UTF8.GetBytes(baseline), "application/json; charset=utf-16"));
        yield return ("body as text/plain", () => Bytes(Encoding.UTF8.GetBytes(baseline), "text/plain"));
        yield return ("body as application/xml", () => Bytes(Encoding.UTF8.GetBytes("<a/>"), "application/xml"));
        yield return ("body without a content type", () => new ByteArrayContent(Encoding.UTF8.GetBytes(baseline)));
    }

    /// <summary>Mutations of the value at <paramref name="path"/> and, recursively (two levels), of its members.</summary>
    private IEnumerable<(string, Func<HttpContent?>)> Mutations(JsonNode root, JsonElement schema, string path, int depth)
    {
        var node = Find(root, path);
        var resolved = Resolve(schema);
        var type = TypeOf(resolved);

        foreach (var (description, replacement) in Replacements(type, resolved, node))
        {
            yield return ($"{path} {description}", Json(Serialize(Replace(root, path, replacement))));
        }

        if (type == "string" && node is not null && path != "$")
        {
            yield return ($"{path} invalid UTF-8", () => Bytes(InvalidUtf8Inside(Serialize(Replace(root, path, JsonValue.Create("INVALID-UTF8-HERE"))), "INVALID-UTF8-HERE"), "application/json"));
        }

        if (depth >= 2)
        {
            yield break;
        }

        if (type == "object" && resolved.TryGetProperty("properties", out var properties))
        {
            yield return ($"{path} with an unknown field", Json(Serialize(With(root, path, o => o["unexpectedField"] = 1))));
            foreach (var property in properties.EnumerateObject())
            {
                yield return ($"{path}.{property.Name} missing", Json(Serialize(With(root, path, o => o.Remove(property.Name)))));
                foreach (var mutation in Mutations(root, property.Value, $"{path}.{property.Name}", depth + 1))
                {
                    yield return mutation;
                }
            }
        }
        else if (type == "array" && resolved.TryGetProperty("items", out var items) && node is JsonArray { Count: > 0 })
        {
            foreach (var mutation in Mutations(root, items, $"{path}[0]", depth + 1))
            {
                yield return mutation;
            }
        }
    }

    private IEnumerable<(string, JsonNode?)> Replacements(string type, JsonElement schema, JsonNode? current)
    {
        yield return ("= null", null);
        switch (type)
        {
            case "string":
                yield return ("= 12345", 12345);
                yield return ("= \"\"", "");
                yield return ("= huge", HugeString);
                yield return ("= NUL and control characters", "a\u0000b\u0001\u001b[2J\u007f");
                yield return ("= lone surrogate", RawNode("\"a\\ud800b\""));
                yield return ("= unknown enum value", "bogus-value-✓");
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                if (format is "date-time" or "date")
                {
                    yield return ("= not a date", "not-a-date");
                    yield return ("= year 9999", format == "date" ? "9999-12-31" : "9999-12-31T23:59:59Z");
                    yield return ("= year 1", format == "date" ? "0001-01-01" : "0001-01-01T00:00:00Z");
                    yield return ("= 30 February", format == "date" ? "2026-02-30" : "2026-02-30T00:00:00");
                }

                if (format == "uuid")
                {
                    yield return ("= not a GUID", "not-a-guid");
                    yield return ("= empty GUID", Guid.Empty.ToString());
                    yield return ("= unknown GUID", UnknownGuid());
                }

                break;
            case "integer" or "number":
                yield return ("= \"abc\"", "abc");
                yield return ("= 1e400", RawNode("1e400"));
                yield return ("= 99999999999999999999", RawNode("99999999999999999999"));
                yield return ("= int.MaxValue", int.MaxValue);
                yield return ("= -1", -1);
                yield return ("= 1.5", 1.5);
                break;
            case "boolean":
                yield return ("= \"yes\"", "yes");
                yield return ("= 1", 1);
                break;
            case "array":
                yield return ("= [null]", new JsonArray((JsonNode?)null));
                yield return ("= []", new JsonArray());
                yield return ("= \"x\"", "x");
                yield return ("= deeply nested", RawNode(DeepArray));
                if (current is JsonArray { Count: > 0 } array)
                {
                    var item = array[0];
                    yield return ("= the same item twice", new JsonArray(item?.DeepClone(), item?.DeepClone()));
                    yield return ("= 10,000 items", new JsonArray(Enumerable.Range(0, 10_000).Select(_ => item?.DeepClone()).ToArray()));
                    yield return ("= [[item]]", new JsonArray(new JsonArray(item?.DeepClone())));
                }

                break;
            case "object":
                yield return ("= {}", new JsonObject());
                yield return ("= \"x\"", "x");
                yield return ("= deeply nested", RawNode(DeepObject));
                yield return ("= {\"a\":null}", new JsonObject { ["a"] = null });
                break;
        }
    }

    /// <summary>A plausible value for a schema, from the names of the schema and the property.</summary>
    private JsonNode? Baseline(JsonElement schema, string? owner, string? property)
    {
        var resolved = Resolve(schema);
        var name = SchemaName(schema) ?? owner;
        switch (TypeOf(resolved))
        {
            case "object":
                var result = new JsonObject();
                if (resolved.TryGetProperty("properties", out var properties))
                {
                    foreach (var p in properties.EnumerateObject())
                    {
                        result[p.Name] = Baseline(p.Value, name, p.Name);
                    }
                }

                return result;
            case "array":
                return new JsonArray(Baseline(resolved.GetProperty("items"), name, property));
            case "integer":
                return property switch { "capacity" => 5, "hour" => 9, _ => 1 };
            case "number":
                return 1;
            case "boolean":
                return property is "acceptTerms" or "consentSensitiveInfo";
            default:
                var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
                return values.StringValue(name, property, format);
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            foreach (var option in oneOf.EnumerateArray())
            {
                if (TypeOf(option) != "null")
                {
                    return Resolve(option);
                }
            }
        }

        return schema;
    }

    private static string? SchemaName(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return reference.GetString()!.Split('/')[^1];
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            return oneOf.EnumerateArray().Select(SchemaName).FirstOrDefault(n => n is not null);
        }

        return schema.TryGetProperty("items", out var items) ? SchemaName(items) : null;
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out _))
        {
            return "ref";
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : "any";
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString()!;
        }

        var types = type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToList();
        return types.Contains("integer") ? "integer" : types.FirstOrDefault() ?? "null";
    }

    /// <summary>A placeholder for JSON text that a JsonNode cannot hold (1e400, a lone surrogate escape, deep nesting).</summary>
    private JsonValue RawNode(string raw)
    {
        if (!_raws.TryGetValue(raw, out var key))
        {
            key = Raw + _raws.Count.ToString(CultureInfo.InvariantCulture) + ";";
            _raws[raw] = key;
        }

        return JsonValue.Create(key);
    }

    private string Serialize(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        if (!text.Contains("\\u0001raw:", StringComparison.Ordinal))
        {
            return text;
        }

        foreach (var (raw, key) in _raws)
        {
            text = text.Replace(JsonSerializer.Serialize(key), raw, StringComparison.Ordinal);
        }

        return text;
    }

    private static JsonNode? Find(JsonNode? root, string path)
    {
        var node = root;
        foreach (var step in Steps(path))
        {
            node = step is int index ? (node as JsonArray)?[index] : (node as JsonObject)?[(string)step];
        }

        return node;
    }

    private static JsonNode? Replace(JsonNode root, string path, JsonNode? replacement)
    {
        if (path == "$")
        {
            return replacement?.DeepClone();
        }

        var copy = root.DeepClone();
        var steps = Steps(path).ToList();
        var parent = Find(copy, "$" + string.Concat(steps.SkipLast(1).Select(s => s is int i ? $"[{i}]" : $".{s}")));
        var last = steps[^1];
        if (parent is JsonArray array && last is int index)
        {
            array[index] = replacement?.DeepClone();
        }
        else if (parent is JsonObject obj)
        {
            obj[(string)last] = replacement?.DeepClone();
        }

        return copy;
    }

    private static JsonNode With(JsonNode root, string path, Action<JsonObject> change)
    {
        var copy = root.DeepClone();
        if (Find(copy, path) is JsonObject target)
        {
            change(target);
        }

        return copy;
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                yield return part;
                continue;
            }

            if (bracket > 0)
            {
                yield return part[..bracket];
            }

            foreach (var index in part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.Parse(index, CultureInfo.InvariantCulture);
            }
        }
    }

    private static byte[] InvalidUtf8Inside(string json, string? marker = null)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = marker is null ? Array.IndexOf(bytes, (byte)'"') + 1 : json.IndexOf(marker, StringComparison.Ordinal);
        if (marker is not null)
        {
            var prefix = Encoding.UTF8.GetByteCount(json[..at]);
            var markerLength = Encoding.UTF8.GetByteCount(marker);
            return [.. bytes[..prefix], 0xC3, 0x28, 0xFF, .. bytes[(prefix + markerLength)..]];
        }

        return at <= 0 ? [0xFF, .. bytes] : [.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[at..]];
    }

    private static Func<HttpContent?> Json(string text) => () => Bytes(Encoding.UTF8.GetBytes(text), "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..20] + $"…({value.Length} chars)" : value;
}

/// <summary>Real values for the fuzzer's baselines: ids that exist, a board, a tag, known enum words.</summary>
public sealed class FuzzValues
{
    public required Guid TopicId { get; init; }

    public required Guid ReplyId { get; init; }

    public required Guid MeetingId { get; init; }

    public required Guid AnnouncementId { get; init; }

    public required Guid MemberId { get; init; }

    public required Guid OtherMemberId { get; init; }

    public required Guid ModerationItemId { get; init; }

    public required string BoardSlug { get; init; }

    public required string Tag { get; init; }

    public string PathValue(string template, string name) => (template, name) switch
    {
        (_, "slug") => BoardSlug,
        (_, "kind") => "relate",
        (_, "memberId") => OtherMemberId.ToString(),
        _ when template.StartsWith("/api/topics/", StringComparison.Ordinal) || template.StartsWith("/api/posts/", StringComparison.Ordinal) => TopicId.ToString(),
        _ when template.StartsWith("/api/replies/", StringComparison.Ordinal) => ReplyId.ToString(),
        _ when template.StartsWith("/api/meetings/", StringComparison.Ordinal) => MeetingId.ToString(),
        _ when template.StartsWith("/api/announcements/", StringComparison.Ordinal) => AnnouncementId.ToString(),
        _ when template.StartsWith("/api/moderation/items/", StringComparison.Ordinal) => ModerationItemId.ToString(),
        _ => MemberId.ToString(),
    };

    public JsonNode? StringValue(string? schema, string? property, string? format)
    {
        var now = DateTime.UtcNow;
        return (schema, property, format) switch
        {
            ("KindSettingDto", "kind", _) => "reactions",
            ("KindSettingDto", "email", _) => "digest",
            ("DigestSettingDto", "frequency", _) => "daily",
            ("WatchedWordDto", "word", _) => "ふぁずわーど",
            ("WatchedWordDto", "action", _) => "flag",
            ("ResolveRequest", "action", _) => "dismiss",
            ("FileReportRequest", "reason", _) => "spam",
            (_, "postId", _) => TopicId.ToString(),
            (_, "userId", _) => MemberId.ToString(),
            (_, _, "uuid") => Guid.NewGuid().ToString(),
            (_, "startsAt", _) => now.AddDays(10).ToString("O", CultureInfo.InvariantCulture),
            (_, "endsAt", _) => now.AddDays(10).AddHours(2).ToString("O", CultureInfo.InvariantCulture),
            (_, "applicationDeadline", _) => now.AddDays(9).ToString("O", CultureInfo.InvariantCulture),
            (_, _, "date-time") => now.AddDays(1).ToString("O", CultureInfo.InvariantCulture),
            (_, _, "date") => "2026-01-01",
            (_, "boardSlug", _) => BoardSlug,
            (_, "tags", _) => Tag,
            (_, "familyPositions" or "eligibility", _) => "parent",
            (_, "roles", _) => "moderator",
            (_, "email" or "newEmail", _) => ApiClient.UniqueEmail("fuzz"),
            (_, "password" or "currentPassword" or "newPassword", _) => "not the fuzz members passphrase",
            (_, "nickname", _) => ApiClient.UniqueNickname("ふぁず"),
            (_, "format", _) => "online",
            (_, "joinUrl", _) => "https://meet.example.org/fuzz",
            (_, "contentHandling", _) => "anonymize",
            (_, "contentWarning", _) => null,
            _ => "ふつうの文章です。",
        };
    }
}
