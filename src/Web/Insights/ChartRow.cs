namespace Salon.Web.Insights;

/// <summary>One bar: <see cref="Key"/> as the API names it ("2026-04", "parent"), <see cref="Label"/> as people read it.</summary>
public sealed record ChartRow(string Key, string Label, InsightCount Value);
