using Salon.Web.Api;

namespace Salon.Web.Shared;

/// <summary>A problem the page finds itself before calling the API (a choice not made), shown like the API's own.</summary>
public static class FieldProblem
{
    public static ApiProblem For(string field, string message) => new(
        400, "invalid-input", "入力内容を確認してください。", null, new Dictionary<string, string[]> { [field] = [message] }, null);
}
