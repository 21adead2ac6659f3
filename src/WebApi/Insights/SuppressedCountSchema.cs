using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Salon.Application.Insights;

namespace Salon.WebApi.Insights;

/// <summary>Describes <see cref="SuppressedCount"/> as what it is on the wire: an integer, or the string "&lt;5".</summary>
internal sealed class SuppressedCountSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(SuppressedCount))
        {
            schema.Type = null;
            schema.Properties?.Clear();
            schema.Description = "A count: an integer (0, or 5 and more), or the string \"<5\" for 1 to 4.";
            schema.OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(SuppressedCount.SuppressedText)] },
            ];
        }

        return Task.CompletedTask;
    }
}
