using System.Text.Json;
using System.Text.Json.Serialization;

namespace Salon.Application.Insights;

public sealed class SuppressedCountJsonConverter : JsonConverter<SuppressedCount>
{
    public override SuppressedCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? SuppressedCount.Of(reader.GetInt32())
            : SuppressedCount.Of(1);

    public override void Write(Utf8JsonWriter writer, SuppressedCount value, JsonSerializerOptions options)
    {
        if (value.Value is { } count)
        {
            writer.WriteNumberValue(count);
        }
        else
        {
            writer.WriteStringValue(SuppressedCount.SuppressedText);
        }
    }
}
