using System.Reflection;
using System.Text.RegularExpressions;
using Salon.Domain.Common;
using Salon.WebApi.Common;

namespace Salon.ArchitectureTests;

/// <summary>Every error code the API answers with comes from one catalogue entry (a static <c>…Errors</c> class),
/// and one code always means one HTTP status.</summary>
public sealed partial class ErrorCatalogueTests
{
    private static readonly IReadOnlyList<(Type Catalogue, string Field, string Code, int? Status)> Entries = CollectEntries();

    [Fact]
    public void Every_code_maps_to_exactly_one_status()
    {
        Verdict.SelectionIsNotEmpty(Entries, "error catalogue entries");
        Verdict.Holds(
            "An error code must answer with one HTTP status wherever it is raised.",
            Entries
                .GroupBy(e => e.Code, StringComparer.Ordinal)
                .Where(g => g.Select(e => e.Status).Distinct().Count() > 1)
                .Select(g => $"{g.Key}: " + string.Join(", ", g.Select(e => $"{e.Catalogue.Name}.{e.Field} → {e.Status}"))));
    }

    [Fact]
    public void A_code_is_written_once_per_catalogue()
    {
        Verdict.Holds(
            "A catalogue lists each code once (a second message for the same code belongs at the raising site).",
            Entries
                .GroupBy(e => (e.Catalogue, e.Code))
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Key.Catalogue.Name}: {g.Key.Code}"));
    }

    [Fact]
    public void Error_codes_are_declared_only_in_catalogues()
    {
        var stray = SalonArchitecture.Assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.Name.EndsWith("Errors", StringComparison.Ordinal) && !IsCompilerGenerated(t))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(ErrorCode) || f.FieldType == typeof(HttpError))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}");
        Verdict.Holds("An ErrorCode or HttpError field lives in a module's catalogue (a static class named …Errors).", stray);
    }

    /// <summary>Source-level: no raising site writes a code of its own. A SalonException can only be made from an
    /// <see cref="ErrorCode"/>; this catches a catalogue entry made outside a catalogue and a ProblemDetails code
    /// written as a literal.</summary>
    [Fact]
    public void No_code_is_written_outside_a_catalogue()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Codebase.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Path.GetFileName(f).EndsWith("Errors.cs", StringComparison.Ordinal))
            .ToList();
        Verdict.SelectionIsNotEmpty(files, "source files");
        var violations = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => WrittenCode().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Codebase.RepositoryRoot, l.File)}:{l.Line}: {l.Text.Trim()}");
        Verdict.Holds("Error codes are written only in the catalogues (…Errors.cs).", violations);
    }

    [Fact]
    public void The_source_check_sees_a_code_written_at_a_raising_site()
    {
        Assert.Matches(WrittenCode(), """throw new SalonException(new ErrorCode("x-y", ErrorKind.Rule, text));""");
        Assert.Matches(WrittenCode(), """ErrorCode mine = new("x-y", ErrorKind.Conflict, text);""");
        Assert.Matches(WrittenCode(), """Extensions = { ["code"] = "server-error" },""");
        Assert.Matches(WrittenCode(), """problem.Type = ProblemTypes.For("rate-limited");""");
        Assert.DoesNotMatch(WrittenCode(), """throw MeetingErrors.Cancelled.Error();""");
    }

    private static List<(Type, string, string, int?)> CollectEntries()
    {
        var entries = new List<(Type, string, string, int?)>();
        foreach (var type in SalonArchitecture.Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal)))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                switch (field.GetValue(null))
                {
                    case ErrorCode code:
                        entries.Add((type, field.Name, code.Code, ErrorStatuses.Of(code.Kind)));
                        break;
                    case HttpError http:
                        entries.Add((type, field.Name, http.Code, http.Status));
                        break;
                }
            }
        }

        return entries;
    }

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false);

    /// <summary>A catalogue entry built in place (<c>new ErrorCode(</c>, <c>new(&quot;code&quot;, ErrorKind.…</c>,
    /// <c>new HttpError(</c>) or a ProblemDetails code written as a string literal.</summary>
    [GeneratedRegex("""new\s+(ErrorCode|HttpError)\s*\(|new\s*\(\s*"[^"]*"\s*,\s*(ErrorKind\.|StatusCodes\.)|\["code"\]\s*=\s*"|ProblemTypes\.For\(\s*"[a-z]""")]
    private static partial Regex WrittenCode();
}
