using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Core.Common;

namespace MotCua.Web.Hosting;

/// <summary>Writes every instant in Vietnam time with its offset (<c>2026-11-27T09:00:00+07:00</c>), as the API promises.</summary>
internal sealed class VietnamInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToVietnam().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
