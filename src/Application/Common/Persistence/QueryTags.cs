namespace Salon.Application.Common.Persistence;

/// <summary>Tags (<c>TagWith</c>) that ask the database for something about one query; a provider that has nothing to do
/// for a tag ignores it (the tag is a comment in the SQL).</summary>
public static class QueryTags
{
    /// <summary>Plan this statement once per connection and reuse the plan (PostgreSQL: <c>plan_cache_mode =
    /// force_generic_plan</c> for this statement alone, docs/adr/0055). For a busy statement whose plan does not depend
    /// on its values, but whose values PostgreSQL judged worth a fresh plan on every execution.</summary>
    public const string GenericPlan = "salon: generic plan";
}
