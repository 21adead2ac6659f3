using NetArchTest.Rules;

namespace Salon.ArchitectureTests;

/// <summary>Assertions that say which types break a rule, and that refuse to pass on an empty selection.</summary>
internal static class Verdict
{
    /// <summary>A rule over nothing proves nothing: a renamed namespace or interface must fail loudly.</summary>
    public static void SelectionIsNotEmpty<T>(IEnumerable<T> selection, string description)
    {
        if (!selection.Any())
        {
            Assert.Fail($"The rule selected no {description}. A namespace, interface or folder was probably renamed, "
                + "so the rule would pass without checking anything: update the selection.");
        }
    }

    public static void Holds(TestResult result, string rule)
    {
        Holds(rule, result.IsSuccessful ? [] : result.FailingTypeNames ?? ["(NetArchTest reported a failure without type names)"]);
    }

    public static void Holds(string rule, IEnumerable<string> violations)
    {
        var list = violations.Distinct().Order(StringComparer.Ordinal).ToList();
        if (list.Count > 0)
        {
            Assert.Fail($"{rule}{Environment.NewLine}{list.Count} violation(s):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", list));
        }
    }
}
