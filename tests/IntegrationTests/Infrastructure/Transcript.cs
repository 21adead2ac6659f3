using System.Text.RegularExpressions;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>What a caller observes of a run of requests: for each one its status, its headers (all but
/// <c>Date</c>, and <c>Content-Length</c>, which follows from the body) and its body, with the values that differ by nature between two runs (ids the run was
/// given, nicknames it chose, trace ids) replaced by names. Two runs that a caller cannot tell apart have
/// equal transcripts.</summary>
public sealed partial class Transcript
{
    private readonly List<string> _lines = [];
    private readonly List<(string Value, string Name)> _placeholders = [];

    /// <summary><paramref name="value"/> is written as <c>{name}</c>, wherever it appears in the run.</summary>
    public void Name(string value, string name) => _placeholders.Add((value, "{" + name + "}"));

    /// <summary>Records the response under <paramref name="step"/> and returns its body.</summary>
    public async Task<string> RecordAsync(string step, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        _lines.Add($"{step}: {(int)response.StatusCode} {Headers(response)} {body}");
        return body;
    }

    /// <summary>Records something observed outside a response (what arrived in the caller's own mailbox) under <paramref name="step"/>.</summary>
    public void Record(string step, string observed) => _lines.Add($"{step}: {observed}");

    /// <summary>Asserts that the two runs read the same, showing the first step where they part.</summary>
    public static void AssertSame(Transcript expected, Transcript actual)
    {
        for (var i = 0; i < Math.Min(expected._lines.Count, actual._lines.Count); i++)
        {
            Assert.Equal(expected.Normalise(expected._lines[i]), actual.Normalise(actual._lines[i]));
        }

        Assert.Equal(expected._lines.Count, actual._lines.Count);
    }

    /// <summary>The response as one normalised line: status, headers and body.</summary>
    public static async Task<string> OfAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {Headers(response)} {TraceId().Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"…\"")}";

    private string Normalise(string text)
    {
        text = TraceId().Replace(text, "\"traceId\":\"…\"");
        foreach (var (value, name) in _placeholders)
        {
            text = text.Replace(value, name, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Headers(HttpResponseMessage response) => string.Join(
        "; ",
        response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not ("Date" or "Content-Length"))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => $"{h.Key}={string.Join(",", h.Value)}"));

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
